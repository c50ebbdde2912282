/**
 * How LinkedIn reads a commentary in "little text format", written here independently of
 * Plume's escaper so tests can catch it: `\x` is a literal x, `@[Name](urn)` a mention, `#word`
 * a hashtag; any other unescaped reserved character ends the post there (LinkedIn silently
 * cuts it, FACTS.md).
 */
const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);

export interface RenderedLittle {
  /** What LinkedIn shows. */
  text: string;
  mentions: { name: string; urn: string }[];
  hashtags: string[];
  /** Where the post was cut, if it was. */
  cutAt: number | undefined;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gsu, (_, char: string) => char);
}

export function renderLittle(commentary: string): RenderedLittle {
  const mentions: RenderedLittle['mentions'] = [];
  const hashtags: string[] = [];
  let text = '';
  let i = 0;
  while (i < commentary.length) {
    const char = commentary[i] ?? '';
    if (char === '\\' && RESERVED.has(commentary[i + 1] ?? '')) {
      text += commentary[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (char === '@') {
      const mention = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:(?:person|organization):[A-Za-z0-9_-]+)\)/su.exec(commentary.slice(i));
      if (mention?.[1] !== undefined && mention[2] !== undefined) {
        const name = unescape(mention[1]);
        mentions.push({ name, urn: mention[2] });
        text += name;
        i += mention[0].length;
        continue;
      }
    }
    if (char === '#') {
      const tag = /^#([\p{L}\p{N}\p{M}]+)/u.exec(commentary.slice(i));
      const before = commentary.slice(0, i);
      if (tag?.[1] !== undefined && !/[\p{L}\p{N}\p{M}_]$/u.test(before)) {
        hashtags.push(tag[1]);
        text += tag[0];
        i += tag[0].length;
        continue;
      }
    }
    if (RESERVED.has(char)) return { text, mentions, hashtags, cutAt: i };
    text += char;
    i += 1;
  }
  return { text, mentions, hashtags, cutAt: undefined };
}
