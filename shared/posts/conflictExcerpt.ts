/**
 * What the conflict banner quotes of the other window's version: all of it when it is short,
 * else the part where it starts to differ from the text in this window, so the user sees what
 * « Garder ma version » would replace (a sentence added at the end of a long post was cut off
 * when the banner quoted the post's opening).
 */
export interface ConflictExcerpt {
  text: string;
  /** Text of theirs was left out before / after the excerpt. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Characters of common text kept before the first difference, for context. */
const CONTEXT_BEFORE = 60;

export function conflictExcerpt(theirs: string, mine: string, maxChars: number): ConflictExcerpt {
  const text = theirs.trim();
  if (text.length <= maxChars) return { text, cutBefore: false, cutAfter: false };
  let same = 0;
  const ours = mine.trim();
  while (same < text.length && same < ours.length && text[same] === ours[same]) same++;
  // Where the difference starts (the whole of theirs is already in mine: where mine goes on).
  const differsAt = Math.min(same, text.length);
  let start = Math.max(0, differsAt - CONTEXT_BEFORE);
  // Never past the difference, and never so late that the end of theirs leaves the excerpt short.
  start = Math.min(start, Math.max(0, text.length - maxChars));
  if (start > 0) {
    // From the start of a word: the first white space after `start`, if it is before the difference.
    const space = text.slice(start, differsAt).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  const end = Math.min(text.length, start + maxChars);
  return { text: text.slice(start, end).trim(), cutBefore: start > 0, cutAfter: end < text.length };
}
