/**
 * How a post is named where its title would go. Posts have no title by default (the Posts list
 * calls them « Sans titre »): every place that names a post goes through here, never showing an
 * empty « », the post's id or a dash instead. Pure: `untitled` is the reader's word for it, in
 * the reader's language (the renderer's `posts.untitled`, a report's or an email's own strings).
 */

/** The title, or `untitled` when the post has none (or only spaces). */
export function titleOr(title: string, untitled: string): string {
  return title.trim() === '' ? untitled : title;
}

/** Characters of a post's opening that may stand for its title (a subject line's worth). */
export const OPENING_MAX = 80;

/**
 * The first words of a text: its first line that holds any, spaces collapsed, cut at a word
 * boundary (or within a long word) to at most `max` characters, an ellipsis included. '' when
 * the text has no words.
 */
export function openingWords(text: string, max = OPENING_MAX): string {
  const line =
    text
      .split('\n')
      .map((l) => l.replace(/\s+/gu, ' ').trim())
      .find((l) => l !== '') ?? '';
  // Code points, not UTF-16 units: an emoji is never cut in half.
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const room = Math.max(1, max - 1);
  const kept = chars.slice(0, room).join('');
  // A word ends where the room does when a space follows it; otherwise the last whole word.
  const space = chars[room] === ' ' ? kept.length : kept.lastIndexOf(' ');
  const words = space > kept.length / 2 ? kept.slice(0, space) : kept;
  return `${words.replace(/[\s,;:.!?…–—-]+$/u, '')}…`;
}

/**
 * A post named by its title, else by its first words, else `untitled`: where the reader has
 * nothing else to recognise it by (an email subject, a search result's second line).
 */
export function postLabel(title: string, text: string, untitled: string): string {
  if (title.trim() !== '') return title;
  return openingWords(text) || untitled;
}
