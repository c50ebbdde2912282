import type { TextMention } from './port';

/**
 * LinkedIn's "little text format" for Posts API `commentary`
 * (learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format):
 * these characters are syntax, and an unescaped one cuts or garbles the post, so each is sent
 * behind a backslash. `#word` stays a hashtag (the format's HashtagElement), as it would be when
 * typed in LinkedIn itself; a `#` that starts no hashtag is escaped like the others.
 */
export const littleReservedCharacters = ['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~'] as const;

const reserved = /[\\|{}@[\]()<>#*_~]/gu;

export interface LittleTextOptions {
  /** Keep `#word` as a LinkedIn hashtag (default) or send every `#` as plain text. */
  hashtags?: boolean;
}

export function escapeLittleText(text: string, options: LittleTextOptions = {}): string {
  const escaped = littleEscapes(text, options);
  if (escaped.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const at of escaped) {
    out += `${text.slice(cursor, at)}\\`;
    cursor = at;
  }
  return out + text.slice(cursor);
}

/**
 * The UTF-16 offsets of the characters `escapeLittleText` puts a backslash before, in order.
 * The one rule: the LinkedIn counter (shared/editorial/networks/measure.ts) counts with it and
 * the connector sends with it, so they cannot disagree.
 */
export function littleEscapes(text: string, options: LittleTextOptions = {}): number[] {
  const keepHashtags = options.hashtags ?? true;
  const offsets: number[] = [];
  for (const match of text.matchAll(reserved)) {
    const offset = match.index;
    if (match[0] === '#' && keepHashtags && startsHashtag(text, offset)) continue;
    offsets.push(offset);
  }
  return offsets;
}

/**
 * `#` at the start or after a character that is neither a word character nor another `#`,
 * and followed by a letter or digit. So `##double` is not a hashtag: both `#` are escaped and
 * LinkedIn shows the text as typed, where keeping the second made it a hashtag after a stray `#`.
 */
function startsHashtag(text: string, offset: number): boolean {
  const before = offset === 0 ? '' : (text.slice(0, offset).match(/.$/su)?.[0] ?? '');
  const after = text.slice(offset + 1).match(/^./su)?.[0] ?? '';
  return !/[\p{L}\p{N}\p{M}_#\uff03]/u.test(before) && /[\p{L}\p{N}\p{M}]/u.test(after);
}

/** A mention element: `@[Name](urn:li:person:…)`, the name escaped like any text. */
export function littleMention(name: string, urn: string): string {
  return `@[${escapeLittleText(name, { hashtags: false })}](${urn})`;
}

/**
 * The commentary for `text`: every range in `mentions` becomes a mention element named by the
 * text it covers (a leading `@` dropped), the rest is escaped. Overlapping or out-of-range
 * mentions are a caller's bug and throw.
 */
export function toLittleText(text: string, mentions: readonly TextMention[] = [], options: LittleTextOptions = {}): string {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let cursor = 0;
  let out = '';
  for (const mention of sorted) {
    if (mention.start < cursor || mention.end > text.length || mention.end <= mention.start) {
      throw new RangeError(`mention ${mention.start}-${mention.end} overlaps another or leaves the text`);
    }
    out += escapeLittleText(text.slice(cursor, mention.start), options);
    out += littleMention(text.slice(mention.start, mention.end).replace(/^@/u, ''), mention.urn);
    cursor = mention.end;
  }
  return out + escapeLittleText(text.slice(cursor), options);
}
