/**
 * Characters that may join their neighbours into one grapheme cluster: Grapheme_Extend
 * (combining marks, ZWNJ, emoji modifiers, tags, variation selectors), spacing marks, ZWJ,
 * regional indicators, CR (CR LF), Hangul jamo, Thai/Lao SARA AM and the Prepend
 * characters. A space-separated chunk without any of them has one grapheme per code point,
 * so only chunks with one go through Intl.Segmenter (~1.7 ms for 3,000 characters in
 * Node: far too slow per keystroke).
 */
/** Unicode's Prepend characters: they join whatever follows, a space too. */
const PREPEND = '\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u0D4E\\u{110BD}\\u{110CD}\\u{111C2}\\u{111C3}\\u{1193F}\\u{11941}\\u{11A3A}\\u{11A84}-\\u{11A89}\\u{11D46}';
const JOINER =
  `[\\p{Grapheme_Extend}\\p{Emoji_Modifier}\\p{Mc}\\u200D\\p{Regional_Indicator}\\r\\u1100-\\u11FF\\uA960-\\uA97F\\uD7B0-\\uD7FF\\u0E33\\u0EB3${PREPEND}]`;
const JOINERS = new RegExp(JOINER, 'gu');
const ENDS_WITH_PREPEND = new RegExp(`[${PREPEND}]$`, 'u');
/** A chunk starting with one of these belongs to the space before it. */
const EXTENDS_PREVIOUS = /^(?:\p{Grapheme_Extend}|\p{Emoji_Modifier}|\p{Mc}|\u200D|\u0E33|\u0EB3)/u;

/**
 * Built on first use: creating it loads ICU's break rules (~15 ms in Node, ~20 ms in the page at
 * a start, on every start of core, the page and the lint worker), and most posts in Latin
 * scripts never need it.
 */
let segmenter: Intl.Segmenter | null = null;
const graphemeSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** UTF-8 byte length (a lone surrogate is sent as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

interface Window {
  from: number;
  to: number;
}

/** The space-separated chunks holding a joining character (linear: no backtracking regex). */
function complexWindows(text: string): Window[] {
  const windows: Window[] = [];
  let end = -1;
  for (const match of text.matchAll(JOINERS)) {
    if (match.index < end) continue;
    let from = text.lastIndexOf(' ', match.index) + 1;
    const space = text.indexOf(' ', match.index);
    end = space === -1 ? text.length : space;
    // A Prepend character before the space joins the space: the window runs on to the next one.
    while (end < text.length && ENDS_WITH_PREPEND.test(text.slice(Math.max(0, end - 2), end))) {
      const next = text.indexOf(' ', end + 1);
      end = next === -1 ? text.length : next;
    }
    if (from > 0 && EXTENDS_PREVIOUS.test(text.slice(from, from + 2))) from -= 1;
    const last = windows[windows.length - 1];
    if (last && last.to >= from) last.to = end;
    else windows.push({ from, to: end });
  }
  return windows;
}

/**
 * Calls `visit(grapheme, offset)` for each extended grapheme cluster in order; stops early
 * when it returns false.
 */
export function forEachGrapheme(text: string, visit: (grapheme: string, offset: number) => boolean | undefined): void {
  let at = 0;
  const simple = (to: number): boolean => {
    while (at < to) {
      const unit = text.charCodeAt(at);
      const width = unit >= 0xd800 && unit <= 0xdbff && at + 1 < to ? 2 : 1;
      if (visit(text.slice(at, at + width), at) === false) return false;
      at += width;
    }
    return true;
  };
  for (const window of complexWindows(text)) {
    if (!simple(window.from)) return;
    for (const segment of graphemeSegmenter().segment(text.slice(window.from, window.to))) {
      if (visit(segment.segment, window.from + segment.index) === false) return;
    }
    at = window.to;
  }
  simple(text.length);
}

/** Number of extended grapheme clusters (what Bluesky and Mastodon count). */
export function graphemeLength(text: string): number {
  let count = codePointLength(text);
  for (const window of complexWindows(text)) {
    const chunk = text.slice(window.from, window.to);
    let clusters = 0;
    for (const segment of graphemeSegmenter().segment(chunk)) if (segment.segment.length > 0) clusters++;
    count -= codePointLength(chunk) - clusters;
  }
  return count;
}
