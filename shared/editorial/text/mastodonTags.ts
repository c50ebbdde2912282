import type { HashtagEntity } from './entities';

/*
 * Hashtags as a Mastodon server makes them (Tag::HASHTAG_RE of mastodon/mastodon
 * app/models/concerns/tag/naming.rb, and Extractor.extract_hashtags_with_indices), written from
 * its rules: `#` or `＃` at the start of the text or after white space (not after `(`, `:` or
 * inside a link); a name of word characters (letters, marks, digits, `_`) with at least one
 * letter, where `·`, `・` and ZWNJ may separate parts but neither start nor end it
 * (`#avocat·e·s` whole, `#one·two·` is `#one·two`); a name followed by `://` loses a final
 * `http`/`https` (`#droithttps://…` is `#droit`). Ruby's [[:alpha:]] is Unicode Alphabetic,
 * [[:word:]] letters, marks, decimal digits and connector punctuation, [[:space:]] White_Space.
 * tests/unit/editorial/networkConformance.test.ts holds Mastodon's own cases (spec/models/tag_spec.rb).
 */

const SEPARATORS = '_\\u00B7\\u30FB\\u200C';
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const ALPHA = '\\p{Alphabetic}';
const WHITE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const FIRST = `[${WORD}_][${WORD}${SEPARATORS}]*[${ALPHA}${SEPARATORS}][${WORD}${SEPARATORS}]*[${WORD}_]`;
const LAST = `[${WORD}_]*[${ALPHA}][${WORD}_]*`;
const HASHTAG = new RegExp(`(?<=^|[${WHITE}])[#＃](${FIRST}|${LAST})`, 'gu');
const BEFORE_SCHEME = /^(.+)(https?)$/u;

export function extractMastodonHashtags(text: string): HashtagEntity[] {
  if (!text.includes('#') && !text.includes('＃')) return [];
  const tags: HashtagEntity[] = [];
  for (const match of text.matchAll(HASHTAG)) {
    let tag = match[1] ?? '';
    const end = match.index + match[0].length;
    if (text.startsWith('://', end)) tag = BEFORE_SCHEME.exec(tag)?.[1] ?? tag;
    tags.push({ from: match.index, to: match.index + 1 + tag.length, tag });
  }
  return tags;
}
