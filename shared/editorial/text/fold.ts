/** Letters French writes as ligatures or that lower-casing keeps apart; expanded before comparing. */
const EXPANSIONS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const EXPANDABLE = /[œæß]/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ]/gu;

/** Lower case, compatibility forms folded (ﬁ → fi), ligatures expanded; accents kept (the stemmer needs them). */
export function lowerWord(word: string): string {
  return word.toLowerCase().normalize('NFKC').replace(EXPANDABLE, (c) => EXPANSIONS[c] ?? c);
}

/** Removes accents from an already lower-cased string. */
export function stripAccents(lower: string): string {
  return lower.normalize('NFD').replace(MARKS, '');
}

/** How a French reader compares words: case, accents, ligatures and apostrophe shapes do not matter. */
export function fold(text: string): string {
  return stripAccents(lowerWord(text)).replace(APOSTROPHES, "'");
}

/** `fold`, with every run of white space (no-break spaces included) turned into one space. */
export function foldLoose(text: string): string {
  return fold(text).replace(/\s+/gu, ' ').trim();
}
