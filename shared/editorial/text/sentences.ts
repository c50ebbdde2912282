import type { Token } from './tokens';
import { firstTokenEndingAfter } from './tokens';

export interface Sentence {
  from: number;
  to: number;
}

/** Words after which a full stop does not end the sentence (M. Dupont, art. 10, cf. supra). */
const ABBREVIATIONS = new Set(['m', 'mm', 'mme', 'mmes', 'mlle', 'me', 'dr', 'pr', 'art', 'al', 'cf', 'p', 'pp', 'etc', 'ex', 'vs', 'st', 'ste', 'n', 'no', 'bd', 'av', 'chap', 'mr', 'mrs', 'ms', 'inc', 'corp', 'co', 'ltd', 'jr']);

/** End punctuation (with closing quotes or brackets) before white space or the end, or a line break. */
const END = /[.!?…]+[\s\u00a0\u202f]*["»”’)\]]*(?=\s|$)|\n/gu;

/** Sentences, trimmed; a line break always ends one (lists, paragraphs). */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (to: number): void => {
    const slice = text.slice(start, to);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed.length > 0) sentences.push({ from: start + lead, to: start + lead + trimmed.length });
    start = to;
  };
  for (const match of text.matchAll(END)) {
    if (match[0].startsWith('.') && match[0].trimEnd().length === 1 && isAbbreviation(tokens, match.index)) continue;
    push(match.index + match[0].length);
  }
  push(text.length);
  return sentences;
}

function isAbbreviation(tokens: readonly Token[], dot: number): boolean {
  const index = firstTokenEndingAfter(tokens, dot) - 1;
  const before = tokens[index];
  if (!before || before.to !== dot) return false;
  // A single capital is an initial ("J. Dupont").
  return ABBREVIATIONS.has(before.folded) || /^\p{Lu}$/u.test(before.raw);
}
