import { forEachGrapheme, graphemeLength } from '../text/graphemes';

export interface Tally {
  used: number;
  /** UTF-16 offset of the first grapheme past the limit, or null when within it. */
  overflowFrom: number | null;
}

/** Sums a weight per grapheme cluster and notes where the sum first exceeds `limit`. */
export function tallyGraphemes(text: string, limit: number, weigh?: (grapheme: string) => number): Tally {
  if (!weigh) {
    const used = graphemeLength(text);
    return { used, overflowFrom: used > limit ? overflowOfPlain(text, limit) : null };
  }
  let used = 0;
  let overflowFrom: number | null = null;
  forEachGrapheme(text, (grapheme, offset) => {
    used += weigh(grapheme);
    if (overflowFrom === null && used > limit) overflowFrom = offset;
    return undefined;
  });
  return { used, overflowFrom };
}

function overflowOfPlain(text: string, limit: number): number | null {
  let seen = 0;
  let found: number | null = null;
  forEachGrapheme(text, (_grapheme, offset) => {
    seen++;
    if (seen > limit) {
      found = offset;
      return false;
    }
    return undefined;
  });
  return found;
}

/** Sums a weight per UTF-16 code unit (or surrogate pair) and notes where it first exceeds `limit`. */
export function tallyCodeUnits(text: string, limit: number, weigh: (codeUnit: number, index: number) => number): Tally {
  let used = 0;
  let overflowFrom: number | null = null;
  for (let i = 0; i < text.length; i++) {
    used += weigh(text.charCodeAt(i), i);
    if (overflowFrom === null && used > limit) overflowFrom = isLowSurrogate(text.charCodeAt(i)) && i > 0 ? i - 1 : i;
  }
  return { used, overflowFrom };
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** UTF-8 bytes per code unit: a surrogate pair is 4 bytes, all on its high half; a lone surrogate 3 (U+FFFD). */
export function utf8Weight(text: string): (unit: number, index: number) => number {
  return (unit, index) => {
    if (unit < 0x80) return 1;
    if (unit < 0x800) return 2;
    if (isHighSurrogate(unit)) return isLowSurrogate(text.charCodeAt(index + 1)) ? 4 : 3;
    if (isLowSurrogate(unit)) return isHighSurrogate(text.charCodeAt(index - 1)) ? 0 : 3;
    return 3;
  };
}
