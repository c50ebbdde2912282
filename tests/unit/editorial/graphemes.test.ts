import { describe, expect, it, vi } from 'vitest';
import { codePointLength, forEachGrapheme, graphemeLength, utf8Length } from '../../../shared/editorial/text/graphemes';
import { findEmoji, isEmojiGrapheme } from '../../../shared/editorial/text/emoji';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const reference = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

/** Texts where the fast path (one grapheme per code point outside joining chunks) could go wrong. */
const TRICKY = [
  '',
  'Bonjour à tous',
  'e\u0301te\u0301 de\u0301cale\u0301',
  ' \u0301 a space then a combining mark',
  '👨‍👩‍👧‍👦 famille 👩🏽‍⚖️ juge',
  '🇫🇷🇲🇦🇨🇦 drapeaux collés',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Écosse',
  '1️⃣ #️⃣ touches',
  'ligne\r\nsuivante\r\n',
  '한국어 \u1100\u1161\u11A8 jamo',
  'ภาษาไทย ำ',
  'नमस्ते दुनिया',
  '\u0600123 arabic number sign',
  `${'a'.repeat(50)}👍🏿${'b'.repeat(50)}`,
  'fin\u200d',
];

describe('grapheme counting agrees with Intl.Segmenter', () => {
  it.each(TRICKY.map((t) => [t]))('%j', (text) => {
    const clusters = reference(text);
    expect(graphemeLength(text)).toBe(clusters.length);
    const seen: string[] = [];
    const offsets: number[] = [];
    forEachGrapheme(text, (g, offset) => {
      seen.push(g);
      offsets.push(offset);
      return undefined;
    });
    expect(seen).toEqual(clusters);
    expect(offsets).toEqual([...segmenter.segment(text)].map((s) => s.index));
  });

  it('stops early when asked', () => {
    let visits = 0;
    forEachGrapheme('abcdef', () => {
      visits++;
      return visits < 3;
    });
    expect(visits).toBe(3);
  });
});

describe('UTF-8 and code point lengths', () => {
  const encoder = new TextEncoder();
  it.each(TRICKY.map((t) => [t]))('%j', (text) => {
    expect(utf8Length(text)).toBe(encoder.encode(text).length);
    expect(codePointLength(text)).toBe(Array.from(text).length);
  });

  it('counts a lone surrogate as U+FFFD (3 bytes)', () => {
    expect(utf8Length('\ud83d')).toBe(3);
  });
});

describe('emoji', () => {
  it.each([
    ['👍', 1],
    ['👍🏽', 1],
    ['👨‍👩‍👧‍👦', 1],
    ['👩🏽‍⚖️', 1],
    ['🏳️‍🌈', 1],
    ['🇫🇷🇲🇦', 2],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 1],
    ['1️⃣', 1],
    ['❤️', 1],
    ['© ® ™ ↔', 0],
    ['1 2 3 # *', 0],
    ['Merci 🙏 et bravo 🎉!', 2],
  ])('%s holds %i emoji', (text, count) => {
    expect(findEmoji(text)).toHaveLength(count);
  });

  it('tells emoji clusters from text', () => {
    expect(isEmojiGrapheme('😀')).toBe(true);
    expect(isEmojiGrapheme('🇫🇷')).toBe(true);
    expect(isEmojiGrapheme('é')).toBe(false);
    expect(isEmojiGrapheme('©')).toBe(false);
  });
});

describe('grapheme counting on generated mixtures', () => {
  const pieces = ['a', 'é', 'e\u0301', ' ', '\n', '\r', '👍', '🏽', '\u200d', '👩', '🇫', '🇷', '\ufe0f', '⚖', 'ก', 'ำ', '\u1100', '\u1161', '\u0301', '.'];
  it('matches Intl.Segmenter on 500 seeded random strings', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 500; run++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)] ?? '';
      expect(graphemeLength(text), JSON.stringify(text)).toBe(reference(text).length);
    }
  });
});

describe('the grapheme segmenter is built on first need, not when the module loads', () => {
  it('is not created by loading the module nor by counting text without joining characters, and once for text with one', async () => {
    const Original = Intl.Segmenter;
    let created = 0;
    class Counted extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
        super(...args);
        created++;
      }
    }
    Object.defineProperty(Intl, 'Segmenter', { value: Counted, configurable: true, writable: true });
    try {
      vi.resetModules();
      const fresh = await import('../../../shared/editorial/text/graphemes');
      expect(fresh.graphemeLength('Avocat au Barreau de Paris, à l’écoute')).toBe(38);
      expect(created).toBe(0);
      expect(fresh.graphemeLength('juge 👩🏽‍⚖️ et 👍🏿')).toBe(11);
      expect(fresh.graphemeLength('🇫🇷')).toBe(1);
      expect(created).toBe(1);
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: Original, configurable: true, writable: true });
    }
  });
});
