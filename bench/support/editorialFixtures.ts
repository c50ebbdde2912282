import { applyCompliancePack, avocatsFrancePack, EditorialLine } from '../../shared/editorial/index';
import type { RuleInput } from '../../shared/editorial/index';

/**
 * The benchmarks' editorial line and post: a generated 300-rule line (word lists, the
 * avocats pack, every other rule kind) and a 3,000-character French post that hits some of it.
 */
const VOCABULARY = [
  'contrat', 'clause', 'imprévision', 'médiation', 'arbitrage', 'société', 'dirigeant', 'salarié', 'licenciement',
  'prud’hommes', 'bail', 'commercial', 'fusion', 'acquisition', 'cession', 'fonds', 'créance', 'caution', 'garantie',
  'responsabilité', 'préjudice', 'indemnité', 'sanction', 'pénal', 'fiscal', 'douane', 'brevet', 'marque', 'données',
  'conformité', 'audit', 'gouvernance', 'actionnaire', 'pacte', 'statuts', 'assemblée', 'redressement', 'liquidation',
  'sauvegarde', 'procédure', 'appel', 'cassation', 'tribunal', 'juridiction', 'expertise', 'transaction', 'rupture',
  'concurrence', 'distribution', 'franchise', 'consommateur', 'immobilier', 'urbanisme', 'environnement', 'énergie',
];

function word(i: number): string {
  return VOCABULARY[i % VOCABULARY.length] ?? 'contrat';
}

export function generatedLine(): EditorialLine {
  const rules: RuleInput[] = [];
  for (let i = 0; rules.length < 279; i++) {
    const terms = [`${word(i * 3)}x${i}`, `${word(i * 5 + 1)} ${word(i * 7 + 2)}y${i}`, `l'${word(i + 3)}z${i}`, `${word(i * 11)}w${i}s`];
    rules.push(
      i % 2 === 0
        ? { kind: 'forbiddenTopic', id: `topic-${i}`, topic: `thème ${i}`, terms }
        : { kind: 'bannedTerm', id: `banned-${i}`, terms: terms.map((term) => ({ term, replacement: 'autre' })) },
    );
  }
  rules.push(
    { kind: 'forbiddenTopic', id: 'hit', terms: ['imprévision', 'le meilleur avocat'] },
    { kind: 'requiredMention', id: 'mention', text: 'Cabinet Exemple' },
    { kind: 'hashtags', id: 'tags', required: ['droit'], max: 5, position: 'end' },
    { kind: 'links', id: 'links', allowedDomains: ['exemple-avocats.fr'] },
    { kind: 'utm', id: 'utm', campaign: 'bench' },
    { kind: 'mentions', id: 'mentions', allowed: ['exemple'] },
    { kind: 'networkLimits', id: 'limits' },
    { kind: 'lengthTarget', id: 'target', targets: [{ network: 'linkedin', max: 1300 }] },
    { kind: 'sentenceLength', id: 'sentences' },
    { kind: 'emojiCount', id: 'emoji' },
    { kind: 'exclamationMarks', id: 'exclamations' },
    { kind: 'allCaps', id: 'caps' },
    { kind: 'addressForm', id: 'vous', expected: 'vous' },
    { kind: 'firstPerson', id: 'nous', expected: 'plural' },
    { kind: 'frenchTypography', id: 'typography' },
  );
  const line = EditorialLine.parse({ id: 'bench', name: 'Bench', version: 1, rules });
  const withPack = applyCompliancePack(line, avocatsFrancePack({ barMention: 'Avocat au barreau de Paris', clientNames: ['Dupont SA', 'Martin & Fils'] }));
  // Top up to exactly 300 rules with a language rule and word lists.
  const extra: RuleInput[] = [{ kind: 'language', id: 'language' }];
  for (let i = 0; withPack.rules.length + extra.length < 300; i++) extra.push({ kind: 'forbiddenTopic', id: `extra-${i}`, terms: [`${word(i)}q${i}`] });
  return EditorialLine.parse({ ...withPack, rules: [...withPack.rules, ...extra] });
}

export const PARAGRAPH =
  'Depuis la réforme du droit des contrats, la clause d’imprévision permet à une partie de demander la renégociation ' +
  'lorsqu’un changement de circonstances imprévisible rend l’exécution excessivement onéreuse. Nous accompagnons les ' +
  'dirigeants de PME dans la rédaction de leurs contrats : audit, négociation, médiation ! ';

export function post(): string {
  let text = '';
  for (let i = 0; text.length < 2800; i++) {
    text += PARAGRAPH;
    if (i % 3 === 1) text += `Lire l’analyse https://exemple-avocats.fr/analyse-${i} 👩‍⚖️ @exemple «\u202fà suivre\u202f» à 08:30.\n`;
  }
  return `${text}\n#droit #contrats #PME\nAvocat au barreau de Paris`.slice(0, 3000);
}
