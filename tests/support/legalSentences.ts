import { docFromParagraphs } from '../../shared/posts/document';
import { DAY_MS } from '../../shared/similarity/window';
import type { TestCore } from './testCore';

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

/**
 * 80 posts over 40 days from `start`, spread over `partners`, each three of the sentences
 * above drawn by a fixed pseudo-random sequence: many near-copies across partners, some exact.
 */
export async function nearCopyPosts(t: TestCore, partners: readonly { id: string }[], start: number): Promise<{ id: string; partnerId: string; at: number }[]> {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 1000;
  const posts: { id: string; partnerId: string; at: number }[] = [];
  for (let i = 0; i < 80; i++) {
    const partner = partners[next() % partners.length];
    if (!partner) continue;
    const paragraphs = [0, 1, 2].map(() => LEGAL_SENTENCES[next() % LEGAL_SENTENCES.length] ?? '');
    const at = start + Math.floor(i / 2) * DAY_MS + (next() % 8) * 3_600_000;
    const created = await t.call('posts.create', { partnerId: partner.id, title: `Post ${i}`, content: docFromParagraphs(paragraphs), scheduledAt: at });
    posts.push({ id: created.id, partnerId: partner.id, at });
  }
  return posts;
}
