import type { PlainTextMap } from '../../../../shared/posts/document';
import type { TextRange } from '../../../../shared/editorial/findingSchema';

/** A span of the ProseMirror document, `to` exclusive. */
export interface DocSpan {
  from: number;
  to: number;
}

const real = (map: PlainTextMap, index: number): number => map.positions[index] ?? -1;

/**
 * The document spans a plain-text range covers: one per run of consecutive document
 * positions. Characters the plain text adds (line breaks between blocks, list bullets) are
 * skipped, so a range across two paragraphs gives two spans and never underlines a bullet.
 */
export function docSpans(map: PlainTextMap, range: TextRange): DocSpan[] {
  const spans: DocSpan[] = [];
  let current: DocSpan | null = null;
  const end = Math.min(range.to, map.positions.length);
  for (let i = Math.max(0, range.from); i < end; i++) {
    const pos = real(map, i);
    if (pos < 0) continue;
    // A snippet node's characters all sit at the node's one position.
    if (current && pos >= current.from && pos < current.to) continue;
    if (current && pos === current.to) {
      current.to = pos + 1;
      continue;
    }
    if (current) spans.push(current);
    current = { from: pos, to: pos + 1 };
  }
  if (current) spans.push(current);
  return spans;
}

/** The nearest document character at or before `index` that the plain text took from the document. */
function previousReal(map: PlainTextMap, index: number): number {
  for (let i = Math.min(index, map.positions.length - 1); i >= 0; i--) {
    const pos = real(map, i);
    if (pos >= 0) return pos;
  }
  return -1;
}

function nextReal(map: PlainTextMap, index: number): number {
  for (let i = Math.max(0, index); i < map.positions.length; i++) {
    const pos = real(map, i);
    if (pos >= 0) return pos;
  }
  return -1;
}

/**
 * Where an insertion at plain-text offset `offset` goes in the document: before the
 * character at that offset when the document holds it; otherwise (a line break, a bullet,
 * the end) right after the previous document character, so text joins the line it
 * follows. `fallback` is used when the text has no document character at all (empty post).
 */
export function docPlace(map: PlainTextMap, offset: number, fallback: number): number {
  const here = real(map, offset);
  if (here >= 0) return here;
  const before = previousReal(map, offset - 1);
  if (before >= 0) return before + 1;
  const after = nextReal(map, offset);
  return after >= 0 ? after : fallback;
}

/** The document range a plain-text range replaces (a place when it is empty). */
export function docRange(map: PlainTextMap, range: TextRange, fallback: number): DocSpan {
  const from = docPlace(map, range.from, fallback);
  if (range.to <= range.from) return { from, to: from };
  const last = real(map, range.to - 1);
  if (last >= 0) return { from, to: Math.max(from, last + 1) };
  // The range ends on an added character (a line break): it reaches the next document character.
  const after = nextReal(map, range.to);
  const before = previousReal(map, range.to - 1);
  const to = after >= 0 ? after : before >= 0 ? before + 1 : from;
  return { from, to: Math.max(from, to) };
}
