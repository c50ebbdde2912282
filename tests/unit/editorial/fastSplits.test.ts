import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../../shared/editorial/text/fold';
import { paragraphs } from '../../../shared/editorial/text/language';
import { splitLines, splitPieces } from '../../../shared/editorial/text/lines';

/** The hand-written splits that replaced unicode regexes in the lint's hot path say the same. */
describe('splits without unicode regexes', () => {
  it('collapses white space exactly as /\\s+/gu does, for every code unit', () => {
    const different: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const text = `a${ch}${ch}b${ch}`;
      if (collapseSpaces(text) !== text.replace(/\s+/gu, ' ')) different.push(c);
    }
    expect(different).toEqual([]);
    for (const text of ['', ' ', '  a  b\u00a0\u202f c ', '\n\n', 'sans espace']) expect(collapseSpaces(text)).toBe(text.replace(/\s+/gu, ' '));
  });

  it('splits paragraphs exactly as /\\n+/u does', () => {
    for (const text of ['', '\n', '\n\n', 'a', 'a\nb', 'a\n\n\nb', '\na', '\n\na\n\n', 'a\n', 'a\n\n', ' \n \n', 'a\r\n\r\nb']) {
      expect(paragraphs(text)).toEqual(text.split(/\n+/u));
    }
  });

  it('gives each line with the offset it starts at', () => {
    expect(splitLines('ab\n\ncd\n')).toEqual([
      { from: 0, text: 'ab' },
      { from: 3, text: '' },
      { from: 4, text: 'cd' },
      { from: 7, text: '' },
    ]);
  });

  it('cuts lines after the space that follows a sentence end, losing no character', () => {
    const text = 'Un. Deux ! Trois ? quatre.cinq\n\nSix. ';
    expect(splitPieces(text)).toEqual([
      { from: 0, text: 'Un. ', lineEnd: false },
      { from: 4, text: 'Deux ! ', lineEnd: false },
      { from: 11, text: 'Trois ? ', lineEnd: false },
      { from: 19, text: 'quatre.cinq', lineEnd: true },
      { from: 31, text: '', lineEnd: true },
      { from: 32, text: 'Six. ', lineEnd: false },
    ]);
    for (const piece of splitPieces(text)) expect(text.slice(piece.from, piece.from + piece.text.length)).toBe(piece.text);
  });
});
