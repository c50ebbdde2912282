import { normalizeForSimilarity } from './normalize';

export interface TextRange {
  from: number;
  to: number;
}

/** Words needed in a row for a passage to count as shared (fewer would mark stock phrases). */
const RUN = 4;

interface Word {
  key: string;
  from: number;
  to: number;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}'’_]+/gu)) {
    const key = normalizeForSimilarity(match[0]);
    if (key) words.push({ key, from: match.index, to: match.index + match[0].length });
  }
  return words;
}

const runKey = (words: Word[], at: number) => words.slice(at, at + RUN).map((word) => word.key).join(' ');

function mark(words: Word[], keys: ReadonlySet<string>): TextRange[] {
  const marked = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i + RUN <= words.length; i++) if (keys.has(runKey(words, i))) marked.fill(true, i, i + RUN);
  const ranges: TextRange[] = [];
  words.forEach((word, i) => {
    if (!marked[i]) return;
    const last = ranges.at(-1);
    if (last && marked[i - 1]) last.to = word.to;
    else ranges.push({ from: word.from, to: word.to });
  });
  return ranges;
}

function runKeys(words: Word[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i + RUN <= words.length; i++) keys.add(runKey(words, i));
  return keys;
}

/** The passages (runs of at least four words, compared normalised) two texts share, as ranges in each. */
export function sharedPassages(a: string, b: string): { a: TextRange[]; b: TextRange[] } {
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  return { a: mark(wordsA, runKeys(wordsB)), b: mark(wordsB, runKeys(wordsA)) };
}
