import { extractHashtags, extractMentions, extractUrls } from '../editorial/text/entities';
import { splitSentences } from '../editorial/text/sentences';
import { tokenize } from '../editorial/text/tokens';
import { measure } from '../editorial/networks/measure';
import type { MeasureOptions } from '../editorial/networks/measure';
import type { ThreadNetwork } from './networks';

/** A span of the text that a part boundary may follow. */
interface Piece {
  from: number;
  to: number;
}

/** The numbering added at the end of each part: " 1/3". It counts towards the part's limit. */
export const numbering = (index: number, total: number): string => ` ${index + 1}/${total}`;

/** A part's numbering at its end, as `numbering` writes it. */
export const numberingPattern = /\s\d+\/\d+$/u;

/** Whether `text` fits `network`'s hard limits (main count and the others: bytes, links). */
export const fits = (network: ThreadNetwork, text: string, options: MeasureOptions = {}): boolean =>
  !measure(network, text, options).over;

/**
 * A suggested thread for `text` on `network`, or null when it fits in one post. Parts break at
 * sentence ends; a sentence too long for one part breaks between words; no break ever falls
 * inside a URL, a mention or a hashtag. Each part ends with its numbering (" 1/3"), counted
 * within the limit. A single word longer than the limit stays whole (and over): cutting a link
 * or a tag would change what it points to.
 */
export function suggestThread(network: ThreadNetwork, text: string, options: MeasureOptions = {}): string[] | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || fits(network, trimmed, options)) return null;
  const pieces = piecesOf(trimmed, network, options);
  // The numbering's width depends on the number of parts: pack, then repack while it grows.
  let total = 2;
  for (let round = 0; round < 8; round++) {
    const parts = pack(trimmed, pieces, network, total, options);
    if (parts.length <= total) return parts.map((part, index) => `${part}${numbering(index, parts.length)}`);
    total = parts.length;
  }
  const parts = pack(trimmed, pieces, network, total, options);
  return parts.map((part, index) => `${part}${numbering(index, parts.length)}`);
}

/** Sentences, and the words of any sentence that cannot fit a part alone. */
function piecesOf(text: string, network: ThreadNetwork, options: MeasureOptions): Piece[] {
  const guarded = guardedSpans(text);
  const sentences = mergeGuarded(splitSentences(text, tokenize(text)), guarded);
  // Room for the widest numbering we may need (" 99/99"); a sentence over it goes word by word.
  const pieces: Piece[] = [];
  for (const sentence of sentences) {
    if (fits(network, `${text.slice(sentence.from, sentence.to)} 99/99`, options)) pieces.push(sentence);
    else pieces.push(...wordsOf(text, sentence, guarded));
  }
  return pieces;
}

/** URLs, mentions and hashtags: no boundary may fall strictly inside one. */
function guardedSpans(text: string): Piece[] {
  return [...extractUrls(text), ...extractMentions(text), ...extractHashtags(text)]
    .map(({ from, to }) => ({ from, to }))
    .sort((a, b) => a.from - b.from);
}

const inside = (offset: number, guarded: readonly Piece[]): boolean => guarded.some((g) => offset > g.from && offset < g.to);

/** Joins sentences whose boundary would cut a guarded span (a "?" inside a URL, say). */
function mergeGuarded(sentences: readonly Piece[], guarded: readonly Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const sentence of sentences) {
    const last = merged[merged.length - 1];
    if (last && (inside(last.to, guarded) || inside(sentence.from, guarded))) last.to = sentence.to;
    else merged.push({ ...sentence });
  }
  return merged;
}

/**
 * The words of a sentence: runs between breakable spaces. A no-break space (before « ? ! : ; »,
 * inside « ») binds, so a part never starts with a lone « ? ». Guarded spans are never cut.
 */
function wordsOf(text: string, sentence: Piece, guarded: readonly Piece[]): Piece[] {
  const words: Piece[] = [];
  for (const match of text.slice(sentence.from, sentence.to).matchAll(/(?:\S|[\u00a0\u202f\u2007])+/gu)) {
    const word = { from: sentence.from + match.index, to: sentence.from + match.index + match[0].length };
    const last = words[words.length - 1];
    if (last && inside(last.to, guarded)) last.to = word.to;
    else words.push(word);
  }
  return words;
}

/**
 * Greedy packing: each part takes as many pieces as fit with its numbering for `total` parts.
 * A part keeps the text between its pieces as written (line breaks included).
 */
function pack(text: string, pieces: readonly Piece[], network: ThreadNetwork, total: number, options: MeasureOptions): string[] {
  const parts: string[] = [];
  let first: Piece | null = null;
  let last: Piece | null = null;
  for (const piece of pieces) {
    if (first && last) {
      const candidate = text.slice(first.from, piece.to).trim();
      if (fits(network, `${candidate}${numbering(parts.length, Math.max(total, parts.length + 1))}`, options)) {
        last = piece;
        continue;
      }
      parts.push(text.slice(first.from, last.to).trim());
    }
    first = piece;
    last = piece;
  }
  if (first && last) parts.push(text.slice(first.from, last.to).trim());
  return parts;
}
