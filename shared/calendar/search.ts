import { z } from 'zod';

/**
 * Full-text search input → an FTS5 MATCH expression built only from quoted strings, so nothing
 * the user types is read as FTS syntax (AND, NEAR, column filters, `*`, `^`…). Each
 * whitespace-separated word becomes a quoted phrase (FTS5's tokenizer splits "l’arbitrage" or
 * "e-mail" inside it the same way it split the indexed text); all words must match; the last one
 * is a prefix, so results follow typing.
 */

const MAX_TERMS = 12;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

export function ftsQuery(input: string): string | null {
  const asTyped = ftsQueryAsTyped(input);
  return asTyped === null ? null : `${asTyped}*`;
}

/**
 * The same words, the last one not as a prefix: for a word so common that its own matches
 * exceed what search ranks, core ranks those instead of expanding the prefix (FTS5 merges
 * every longer word's list in full for a prefix beyond its prefix indexes).
 */
export function ftsQueryAsTyped(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => HAS_WORD_CHAR.test(word))
    .slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');
}

/** Markers the core asks FTS5's snippet() to put around matches; never part of a post's text. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

/** snippet() output → plain parts, so the UI highlights with elements, never with HTML from the database. */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const char of raw) {
    if (char === SNIPPET_OPEN || char === SNIPPET_CLOSE) {
      flush();
      match = char === SNIPPET_OPEN;
    } else text += char;
  }
  flush();
  return parts;
}
