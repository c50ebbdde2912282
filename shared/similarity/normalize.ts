/**
 * Text normalisation for the near-duplicate guard: two posts that differ only in apostrophes,
 * accents, case, links, @mentions or hashtag signs normalise to the same words.
 */

const APOSTROPHES = /[\u2019\u2018\u02BC\u2032\u00B4\u0060\uFF07]/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.-]+/gu;
/** French elided words: split them from the next word so « l'entreprise » and « l’ entreprise » agree. */
const ELISION = /\b(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(?=\p{L})/gu;
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeForSimilarity(text: string): string {
  return text
    .normalize('NFKC')
    .replace(APOSTROPHES, "'")
    .replace(URL, ' ')
    .replace(MENTION, '$1 ')
    .toLowerCase()
    .replace(ELISION, '$1 ')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(NOT_WORD, ' ') // hashtag signs, punctuation and emoji go; the hashtag's word stays
    .trim();
}
