import { fold, lowerWord } from './fold';

/** A word of the text, with its UTF-16 range in the original string. */
export interface Token {
  from: number;
  to: number;
  /** As written. */
  raw: string;
  /** Lower case, ligatures expanded, accents kept: what the stemmer reads. */
  lower: string;
  /** Compared without case or accents; an elided article keeps its apostrophe ("l'"). */
  folded: string;
  /** An elided word such as l', d', qu', jusqu' (the apostrophe is not part of the range). */
  elision: boolean;
}

/** French elided words: a word starting with one of these and an apostrophe is two words. */
export const ELISIONS: Record<string, string> = {
  l: 'le', d: 'de', qu: 'que', j: 'je', n: 'ne', s: 'se', c: 'ce', m: 'me', t: 'te',
  jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque', quoiqu: 'quoique',
};

/**
 * Letters, marks and digits, joined by apostrophes (aujourd'hui, l’avocat) or by the
 * inclusive-writing middle dot (avocat·e·s). Hyphens separate words: "Saint-Denis" is two.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ·][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHE = /['’ʼ]/u;

const MAX_MEMO = 50_000;
const forms = new Map<string, { lower: string; folded: string }>();

/** lowerWord and fold of a word, memoised: the same words come back on every keystroke. */
function formsOf(word: string): { lower: string; folded: string } {
  let known = forms.get(word);
  if (!known) {
    known = { lower: lowerWord(word), folded: fold(word) };
    if (forms.size >= MAX_MEMO) forms.clear();
    forms.set(word, known);
  }
  return known;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let from = match.index;
    let rest = match[0];
    // Split leading elisions: "jusqu'à" → jusqu' + à; "qu'aujourd'hui" → qu' + aujourd'hui.
    for (let apostrophe = rest.search(APOSTROPHE); apostrophe > 0; apostrophe = rest.search(APOSTROPHE)) {
      const head = rest.slice(0, apostrophe);
      const { lower, folded } = formsOf(head);
      if (!(folded in ELISIONS)) break;
      tokens.push({ from, to: from + apostrophe, raw: head, lower, folded: `${folded}'`, elision: true });
      from += apostrophe + 1;
      rest = rest.slice(apostrophe + 1);
    }
    tokens.push(wordToken(rest, from));
  }
  return tokens;
}

function wordToken(raw: string, from: number): Token {
  // Inclusive writing: "avocat·e·s" is compared as "avocat".
  const dot = raw.indexOf('·');
  const { lower, folded } = formsOf(dot > 0 ? raw.slice(0, dot) : raw);
  return { from, to: from + raw.length, raw, lower, folded, elision: false };
}

/** Index of the first token whose range ends after `offset` (binary search). */
export function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const token = tokens[mid];
    if (token && token.to <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
