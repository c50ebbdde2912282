/**
 * Eight French legal sentences on unrelated topics: posts built from them by mixing and
 * repeating give near-duplicates exactly where a test wants them, and nothing elsewhere.
 */
export const LEGAL_SENTENCES = [
  'Depuis la réforme du droit des contrats, la clause d’imprévision permet de demander une renégociation.',
  'Nous accompagnons les dirigeants de PME dans la rédaction de leurs contrats commerciaux.',
  'Le tribunal judiciaire de Paris a rendu une décision attendue sur la rupture brutale des relations commerciales.',
  'La médiation reste la voie la plus rapide pour sortir d’un litige entre associés.',
  'Quelles obligations pour l’employeur lorsqu’un salarié exerce son droit de retrait ?',
  'La Cour de cassation précise les contours de la faute grave en matière de licenciement.',
  'Un bail commercial se négocie bien avant sa signature : durée, indexation, travaux.',
  'Les pactes d’actionnaires méritent une relecture à chaque levée de fonds.',
];
