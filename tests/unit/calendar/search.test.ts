import { describe, expect, it } from 'vitest';
import { ftsQuery, ftsQueryAsTyped, snippetParts, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../shared/calendar/search';

describe('the full-text query built from what the user types', () => {
  it('quotes every word and makes the last one a prefix', () => {
    expect(ftsQuery('médiation fam')).toBe('"médiation" "fam"*');
    expect(ftsQuery('  arbitrage  ')).toBe('"arbitrage"*');
  });

  it('never lets FTS5 syntax through: operators, columns, stars and quotes are only text', () => {
    expect(ftsQuery('title:secret OR NEAR(a b) -x ^y')).toBe('"title:secret" "OR" "NEAR(a" "b)" "-x" "^y"*');
    expect(ftsQuery('dit "bonjour"')).toBe('"dit" """bonjour"""*');
    expect(ftsQuery('a* b')).toBe('"a*" "b"*');
  });

  it('drops words without a letter or digit, and gives null when nothing is left', () => {
    expect(ftsQuery('« — »  ?')).toBeNull();
    expect(ftsQuery('droit — ?')).toBe('"droit"*');
    expect(ftsQuery('')).toBeNull();
  });

  it('normalises decomposed accents and keeps at most twelve words', () => {
    expect(ftsQuery('me\u0301diation')).toBe('"médiation"*');
    expect(ftsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(12);
  });
});

describe('snippet parts', () => {
  it('split the highlighted passages from the rest', () => {
    expect(snippetParts(`La ${SNIPPET_OPEN}médiation${SNIPPET_CLOSE} familiale, ${SNIPPET_OPEN}médiation${SNIPPET_CLOSE}`)).toEqual([
      { text: 'La ', match: false },
      { text: 'médiation', match: true },
      { text: ' familiale, ', match: false },
      { text: 'médiation', match: true },
    ]);
    expect(snippetParts('sans correspondance')).toEqual([{ text: 'sans correspondance', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('the query as typed', () => {
  it('quotes the same words, the last one not as a prefix', () => {
    expect(ftsQueryAsTyped('médiation fam')).toBe('"médiation" "fam"');
    expect(ftsQueryAsTyped('dit "bonjour"')).toBe('"dit" """bonjour"""');
    expect(ftsQueryAsTyped('« — »')).toBeNull();
  });
});
