// Snowball's French and English stemmers alone (@orama/stemmers ships one module per
// language; the snowball-stemmers package brought all 30 into the page and the worker).
// Same French stems: see tests/unit/editorial/frenchStemmer.test.ts.
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import type { Language } from '../ruleSchema';
import { stripAccents } from './fold';

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
const memos: Record<Language, Map<string, readonly string[]>> = { fr: new Map(), en: new Map() };

/**
 * The keys a word matches under in a post written in `language` (French unless said).
 * French: its Snowball stem, also computed without a final plural "s"/"x" and a feminine
 * "e", with and without accents. Snowball alone is not consistent ("leader" → lead,
 * "leaders" → leader; "satisfait" → satisf, "satisfaite" → satisfait), so two forms of one
 * word match when their key sets meet. English: its Snowball English stem, with and without
 * accents (that stemmer handles plurals and verb endings itself). Memoised: stemming costs ~10 µs.
 */
export function stemKeys(lower: string, language: Language = 'fr'): readonly string[] {
  const memo = memos[language];
  const known = memo.get(lower);
  if (known) return known;
  const bare = stripAccents(lower);
  const keys = language === 'en' ? englishKeys(lower, bare) : frenchKeys(lower, bare);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(lower, keys);
  return keys;
}

function englishKeys(lower: string, bare: string): string[] {
  return [...new Set([lower, bare].map((form) => stripAccents(englishStem(form))))];
}

function frenchKeys(lower: string, bare: string): readonly string[] {
  const determiner = determinerKey(bare.replace(/['’ʼ]/gu, "'"));
  return determiner ? [determiner] : computeKeys(lower, bare);
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
  for (const variant of variants) keys.add(stripAccents(frenchStem(variant)));
  return [...keys];
}
