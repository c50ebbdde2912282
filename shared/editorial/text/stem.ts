import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stripAccents } from './fold';

/**
 * Snowball's French stemmer alone (@orama/stemmers ships one module per language; the
 * snowball-stemmers package brought all 30 into the page and the worker). Same stems: see
 * tests/unit/editorial/frenchStemmer.test.ts.
 */
const stemmer = { stem: frenchStem };

/**
 * Determiners that change with gender and number: in a phrase, "le meilleur avocat" should
 * still match "la meilleure avocate" and "les meilleurs avocats".
 */
const DETERMINER_CLASS: Record<string, string> = {
  le: '§le', la: '§le', les: '§le',
  de: '§de', du: '§de', des: '§de',
  un: '§un', une: '§un',
  ce: '§ce', cet: '§ce', cette: '§ce', ces: '§ce',
  au: '§au', aux: '§au',
  mon: '§mon', ma: '§mon', mes: '§mon',
  ton: '§ton', ta: '§ton', tes: '§ton',
  son: '§son', sa: '§son', ses: '§son',
  notre: '§notre', nos: '§notre',
  votre: '§votre', vos: '§votre',
  leur: '§leur', leurs: '§leur',
};

/** The comparison key of a determiner or elided word, if it is one (input: folded). */
export function determinerKey(folded: string): string | undefined {
  return DETERMINER_CLASS[folded];
}

const MAX_MEMO = 50_000;
const memo = new Map<string, readonly string[]>();

/**
 * The keys a word matches under: its Snowball stem, also computed without a final plural
 * "s"/"x" and a feminine "e", with and without accents. Snowball alone is not consistent
 * ("leader" → lead, "leaders" → leader; "satisfait" → satisf, "satisfaite" → satisfait),
 * so two forms of one word match when their key sets meet. Memoised: stemming costs ~10 µs.
 */
export function stemKeys(lower: string): readonly string[] {
  const known = memo.get(lower);
  if (known) return known;
  const bare = stripAccents(lower);
  const determiner = determinerKey(bare.replace(/['’ʼ]/gu, "'"));
  const keys = determiner ? [determiner] : computeKeys(lower, bare);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(lower, keys);
  return keys;
}

function computeKeys(lower: string, bare: string): string[] {
  const variants = new Set<string>();
  for (const form of lower === bare ? [lower] : [lower, bare]) {
    variants.add(form);
    const singular = form.length > 3 && /[sx]$/u.test(form) ? form.slice(0, -1) : form;
    variants.add(singular);
    if (singular.length > 3 && singular.endsWith('e')) variants.add(singular.slice(0, -1));
  }
  const keys = new Set<string>();
  for (const variant of variants) keys.add(stripAccents(stemmer.stem(variant)));
  return [...keys];
}
