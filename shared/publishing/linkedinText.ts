import type { TextMention } from './port';

/**
 * LinkedIn's "little text format" for Posts API `commentary`
 * (learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format):
 * these characters are syntax, and an unescaped one cuts or garbles the post, so each is sent
 * behind a backslash. `#word` stays a hashtag (the format's HashtagElement), as it would be when
 * typed in LinkedIn itself; a `#` that starts no hashtag is escaped like the others.
 * (shared/editorial has no escaper yet; this is the one to import.)
 */
export const littleReservedCharacters = ['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~'] as const;

const reserved = /[\\|{}@[\]()<>#*_~]/gu;

export interface LittleTextOptions {
  /** Keep `#word` as a LinkedIn hashtag (default) or send every `#` as plain text. */
  hashtags?: boolean;
}

export function escapeLittleText(text: string, options: LittleTextOptions = {}): string {
  const keepHashtags = options.hashtags ?? true;
  return text.replace(reserved, (char, offset: number) => {
    if (char === '#' && keepHashtags && startsHashtag(text, offset)) return char;
    return `\\${char}`;
  });
}

/** `#` after a non-word character (or at the start) and followed by a letter or digit. */
function startsHashtag(text: string, offset: number): boolean {
  const before = offset === 0 ? '' : (text.slice(0, offset).match(/.$/su)?.[0] ?? '');
  const after = text.slice(offset + 1).match(/^./su)?.[0] ?? '';
  return !/[\p{L}\p{N}\p{M}_]/u.test(before) && /[\p{L}\p{N}\p{M}]/u.test(after);
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
