import { describe, expect, it } from 'vitest';
import { escapeLinkedInText, LINKEDIN_RESERVED, measure, NETWORK_LIMITS } from '../../../shared/editorial/index';
import { networks } from '../../../shared/posts/networks';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦, 11 UTF-16 units, 25 UTF-8 bytes
const x = (n: number): string => 'x'.repeat(n);

/**
 * A sample of twitter-text's conformance cases (conformance/validate.yml,
 * WeightedTweetsWithDiscountedEmojiCounterTest and lengths): weighted length, and where
 * the valid range ends when the text is over 280.
 */
const X_CASES: [string, string, number, number | null][] = [
  ['Regular Tweet with url', 'Hi http://test.co', 26, null],
  ['Just url', 'http://test.co', 23, null],
  ['Count the number of characters', 'This is a test.', 15, null],
  ['URL with https counts 23', 'https://test.com', 23, null],
  ['URL without protocol counts 23', 'test.com', 23, null],
  ['Count multiple URLs correctly', 'Test https://test.com test https://test.com test.com test', 86, null],
  ['Long tweet, overflow at char index 280', `285 chars-${'xxxxxxxxxx-'.repeat(25)}`, 285, 280],
  ['Long tweet with url in the middle', `285 chars- http://www.twitter.com/jack ${'xxxxxxxxxx-'.repeat(24)}`, 299, 284],
  ['Long tweet with url at the end', `${'xxxxxxxxxx-'.repeat(24)} http://www.twitter.com/jack `, 289, 265],
  ['10 url string, no overflow', 'https://www.twitter.com/aloha '.repeat(10), 240, null],
  ['160 emoji, overflow at 140', '😷'.repeat(160), 320, 280],
  ['A decomposed Á is normalized into 1 char', `282 chars-${'xxxxxxxxxx-'.repeat(24)}xxxxxA\u0301x`, 281, 281],
  ['Mix of single and double weight', `H🐱☺${FAMILY}`, 7, null],
  ['Emoji inside the BMP', '😷👾😡🔥💩', 10, null],
  ['Skin tone and ZWJ sequences', '🙋🏽\u{1F468}\u200D\u{1F3A4}', 4, null],
  ['140 family emoji', FAMILY.repeat(140), 280, null],
  ['Unicode 10.0 emoji', 'Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', 34, null],
  ['Unicode 9.0 emoji', 'Unicode 9.0 emoji: 🤠; 💃; 💃🏾', 29, null],
  ['A 64-character domain is not a URL', `${'randomurl'.repeat(7)}s.com`, 68, null],
];

describe('X counts with twitter-text (weighted length, v3)', () => {
  it.each(X_CASES)('%s', (_name, text, weighted, overflowFrom) => {
    const m = measure('x', text);
    expect(m.used).toBe(weighted);
    expect(m.limit).toBe(280);
    expect(m.unit).toBe('weighted');
    expect(m.over).toBe(weighted > 280);
    expect(m.overflowFrom).toBe(overflowFrom);
  });

  it('counts French accents as 1 and a long URL as 23', () => {
    expect(measure('x', 'Élégance, œuvre, ça.').used).toBe(20);
    expect(measure('x', `Lire https://exemple-avocats.fr/${x(120)}`).used).toBe(5 + 23);
  });
});

describe('Bluesky: 300 graphemes and 3,000 UTF-8 bytes', () => {
  it.each([
    ['300 ASCII', x(300), 300, 300, false],
    ['301 ASCII', x(301), 301, 301, true],
    ['decomposed accents are one grapheme', 'e\u0301'.repeat(300), 300, 900, false],
    ['flags are one grapheme', '🇫🇷'.repeat(300), 300, 2400, false],
    ['ZWJ families are one grapheme but 25 bytes', FAMILY.repeat(120), 120, 3000, false],
    ['121 families exceed the bytes', FAMILY.repeat(121), 121, 3025, true],
    ['CR LF is one grapheme', 'a\r\n'.repeat(150), 300, 450, false],
  ])('%s', (_name, text, graphemes, bytes, over) => {
    const m = measure('bluesky', text);
    expect(m.used).toBe(graphemes);
    expect(m.unit).toBe('graphemes');
    expect(m.details[0]?.used).toBe(bytes);
    expect(m.details[0]?.unit).toBe('bytes');
    expect(m.over).toBe(over);
  });

  it('says where the 301st grapheme starts, in UTF-16 units', () => {
    const text = `${FAMILY.repeat(10)}${x(290)}🇫🇷 fin`;
    expect(measure('bluesky', text).overflowFrom).toBe(FAMILY.length * 10 + 290);
  });
});

describe('Mastodon: per-instance limit, URLs reserved, mentions without domain', () => {
  it('uses 500 by default and the instance’s limit when given', () => {
    expect(measure('mastodon', x(501)).over).toBe(true);
    expect(measure('mastodon', x(501), { mastodonMaxCharacters: 1000 })).toMatchObject({ limit: 1000, over: false, used: 501 });
  });

  it.each([
    ['a long URL counts 23', `Voir https://exemple.fr/${x(200)}`, 5 + 23, 23],
    ['the reserved length comes from the instance', `Voir https://exemple.fr/${x(200)}`, 5 + 30, 30],
    ['a URL without scheme is plain text', 'Voir exemple.fr', 15, 23],
    ['a remote mention counts without its domain', 'Merci @anne@mastodon.social !', 'Merci @anne !'.length, 23],
    ['a local mention counts as written', 'Merci @anne !', 13, 23],
    ['emoji are graphemes', `${FAMILY} 🇫🇷`, 3, 23],
  ])('%s', (_name, text, used, urlLength) => {
    expect(measure('mastodon', text, { mastodonCharactersReservedPerUrl: urlLength }).used).toBe(used);
  });

  it('points the overflow at the start of the URL that crosses the limit', () => {
    const text = `${x(490)} https://exemple.fr/x`;
    expect(measure('mastodon', text).overflowFrom).toBe(491);
  });
});

describe('Threads: emoji count their UTF-8 bytes, more than 5 links fails', () => {
  it.each([
    ['plain text', x(500), 500, false],
    ['one more', x(501), 501, true],
    ['an emoji counts 4', `${x(10)}😀`, 14, false],
    ['a family counts 25', FAMILY, 25, false],
    ['a flag counts 8', '🇫🇷', 8, false],
    ['a keycap counts 7', '1\uFE0F\u20E3', 7, false],
    ['accents count 1', 'é'.repeat(10), 10, false],
    ['emoji tip a text over', `${x(497)}😀`, 501, true],
  ])('%s', (_name, text, used, over) => {
    expect(measure('threads', text)).toMatchObject({ used, over });
  });

  const links = (n: number): string => Array.from({ length: n }, (_, i) => `https://exemple.fr/${i}`).join(' ');

  it('accepts 5 links and fails at the 6th', () => {
    expect(measure('threads', links(5)).over).toBe(false);
    const six = measure('threads', links(6));
    expect(six.over).toBe(true);
    expect(six.details[0]).toMatchObject({ used: 6, limit: 5, unit: 'links', over: true, overflowFrom: links(6).lastIndexOf('https') });
  });

  it('counts unique links: the same link written twice is one', () => {
    const text = `${links(5)} et encore https://exemple.fr/0 https://exemple.fr/4`;
    expect(measure('threads', text).details[0]).toMatchObject({ used: 5, over: false });
    expect(measure('threads', `${text} https://exemple.fr/5`).details[0]).toMatchObject({ used: 6, over: true, overflowFrom: text.length + 1 });
  });
});

describe('LinkedIn: little text format, counted after escaping', () => {
  it.each(LINKEDIN_RESERVED.map((c) => [c]))('escapes %s', (c) => {
    expect(escapeLinkedInText(`a${c}b`)).toBe(`a\\${c}b`);
  });

  it('escapes every reserved character at once and nothing else', () => {
    expect(escapeLinkedInText('\\|{}@[]()<>#*_~')).toBe('\\\\\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\*\\_\\~');
    expect(escapeLinkedInText('Élégant, 100 % «\u202fsûr\u202f» ! https://x.fr/a-b?c=d')).toBe('Élégant, 100 % «\u202fsûr\u202f» ! https://x.fr/a-b?c=d');
  });

  it('counts the escaped text, so reserved characters cost 2', () => {
    expect(measure('linkedin', x(3000)).over).toBe(false);
    expect(measure('linkedin', `${x(2999)}#`)).toMatchObject({ used: 3001, over: true, overflowFrom: 2999 });
    // '#droit' stays a hashtag (no backslash), '@' is escaped: as the connector sends it.
    expect(measure('linkedin', '#droit @cabinet').used).toBe(16);
  });
});

describe('Instagram, Facebook and the limits table', () => {
  it('caps Instagram hashtags at 5 by default, as a setting', () => {
    const tags = (n: number): string => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
    expect(measure('instagram', tags(5)).over).toBe(false);
    expect(measure('instagram', tags(6)).details[0]).toMatchObject({ used: 6, limit: 5, unit: 'hashtags', over: true });
    expect(measure('instagram', tags(6), { instagramHashtagCap: 30 }).over).toBe(false);
    expect(measure('instagram', x(2201)).over).toBe(true);
  });

  it('has Facebook at 63,206, marked unverified', () => {
    expect(measure('facebook', x(63206)).over).toBe(false);
    expect(measure('facebook', x(63207)).over).toBe(true);
    expect(NETWORK_LIMITS.facebook.verified).toBe(false);
  });

  it('has one row per network, each with its source', () => {
    for (const network of networks) {
      expect(NETWORK_LIMITS[network].source.length).toBeGreaterThan(10);
      expect(measure(network, '').used).toBe(0);
    }
  });
});
