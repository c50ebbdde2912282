import type { HashtagEntity } from './entities';

/*
 * Hashtags as Bluesky turns them into `app.bsky.richtext.facet#tag` facets. Written from the
 * rules of @atproto/api's rich-text detection (packages/api/src/rich-text/detection.ts and
 * util.ts TAG_REGEX in bluesky-social/atproto), not with its code: the SDK's module needs its
 * UnicodeString (and @atproto/common-web behind it), too heavy for shared/, which lints on
 * every keystroke in the renderer. tests/unit/editorial/blueskyTags.test.ts holds Bluesky's own
 * cases and checks this against the SDK the connector sends with.
 *
 * The rules: `#` or the full-width `＃`, at the start of the text or after white space; the
 * tag runs to the next white space or invisible separator; it holds at least one character
 * that is neither a digit nor punctuation; trailing punctuation is not part of it; a tag
 * starting with U+FE0F (the keycap `#️⃣`) is none; over 64 UTF-16 units it is dropped whole.
 */

/** Soft hyphen, word joiner, hair and zero-width spaces, joiners, the enclosing keycap mark. */
const SEPARATORS = new Set(['\u00ad', '\u2060', '\u200a', '\u200b', '\u200c', '\u200d', '\u20e2']);
const WHITE = /\s/u;
const MEANINGFUL = /[^\d\s\p{P}]/u;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
export const BLUESKY_TAG_MAX_LENGTH = 64;

const isHash = (char: string): boolean => char === '#' || char === '\uff03';

export function extractBlueskyHashtags(text: string): HashtagEntity[] {
  const tags: HashtagEntity[] = [];
  let at = 0;
  while (at < text.length) {
    const hash = at;
    at++;
    if (!isHash(text.charAt(hash)) || (hash > 0 && !WHITE.test(text.charAt(hash - 1)))) continue;
    let end = at;
    while (end < text.length && !WHITE.test(text.charAt(end)) && !SEPARATORS.has(text.charAt(end))) end++;
    const run = text.slice(at, end);
    if (run.startsWith('\ufe0f') || !MEANINGFUL.test(run)) continue;
    at = end;
    const tag = run.replace(TRAILING_PUNCTUATION, '');
    if (tag.length === 0 || tag.length > BLUESKY_TAG_MAX_LENGTH) continue;
    tags.push({ from: hash, to: hash + 1 + tag.length, tag });
  }
  return tags;
}
