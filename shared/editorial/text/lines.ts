/** A line of the text (between two line breaks) and the offset it starts at. */
export interface Line {
  from: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (const line of text.split('\n')) {
    lines.push({ from, text: line });
    from += line.length + 1;
  }
  return lines;
}

/** A sentence-sized piece of a line; `lineEnd` when a line break follows it. */
export interface Piece extends Line {
  lineEnd: boolean;
}

const ENDS = new Set(['.', '!', '?']);

/**
 * The text in pieces: its lines, each cut after every space that follows ". ", "! " or "? ".
 * What never spans white space or a sentence end (words, links, emoji, phrases, X weights)
 * is found piece by piece, so a keystroke redoes one sentence rather than a paragraph.
 */
export function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const lines = splitLines(text);
  const last = lines.length - 1;
  lines.forEach((line, index) => {
    let start = 0;
    for (let i = 1; i < line.text.length - 1; i++) {
      if (line.text.charAt(i) !== ' ' || !ENDS.has(line.text.charAt(i - 1))) continue;
      pieces.push({ from: line.from + start, text: line.text.slice(start, i + 1), lineEnd: false });
      start = i + 1;
    }
    pieces.push({ from: line.from + start, text: line.text.slice(start), lineEnd: index < last });
  });
  return pieces;
}

/**
 * Pieces kept per memo: a post's few dozen and the recent edits'. Keys are slices, which keep
 * the text they were cut from alive: a small cap bounds that (500 × a 3,000-character post ≈ 3 MB).
 */
const MAX_LINES = 500;

/**
 * What is computed from one line alone (its words, links, emoji, phrase matches), memoised
 * by the line's text: a keystroke changes one line, the others come back from the memo.
 */
export class LineMemo<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly compute: (line: string) => T) {}

  get(line: string): T {
    let value = this.known.get(line);
    if (value === undefined) {
      value = this.compute(line);
      if (this.known.size >= MAX_LINES) this.known.clear();
      this.known.set(line, value);
    }
    return value;
  }
}

/**
 * The items found in each line, offset to where the line starts. Only for what never spans
 * a line break (words, links, emoji), so finding them line by line finds the same. `first`,
 * when given, reads the line that starts the text (what follows a space or a line break may
 * read differently from what starts the text: see `laterPieceUrls` in analysis.ts).
 */
export function collectLines<T extends { from: number; to: number }>(lines: readonly Line[], memo: LineMemo<readonly T[]>, first: LineMemo<readonly T[]> = memo): T[] {
  const out: T[] = [];
  for (const { from, text } of lines) {
    const items = (from === 0 ? first : memo).get(text);
    if (from === 0) for (const item of items) out.push(item);
    else for (const item of items) out.push({ ...item, from: item.from + from, to: item.to + from });
  }
  return out;
}
