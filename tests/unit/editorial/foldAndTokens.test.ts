import { describe, expect, it } from 'vitest';
import { fold, foldLoose } from '../../../shared/editorial/text/fold';
import { stemKeys } from '../../../shared/editorial/text/stem';
import { tokenize } from '../../../shared/editorial/text/tokens';

describe('folding compares words as French readers do', () => {
  it.each([
    ['Église', 'eglise'],
    ['ÉLECTIONS', 'elections'],
    ['cœur', 'coeur'],
    ['Œuvre', 'oeuvre'],
    ['ex æquo', 'ex aequo'],
    ['l’avocat', "l'avocat"],
    ['ﬁnance', 'finance'],
    ['Straße', 'strasse'],
    ['e\u0301te\u0301', 'ete'], // decomposed accents
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('turns every white space, no-break ones included, into one space', () => {
    expect(foldLoose('Avocat\u00a0au\u202fbarreau \n de  Paris')).toBe('avocat au barreau de paris');
  });
});

describe('tokenizing keeps UTF-16 ranges in the original text', () => {
  it('splits every French elision, with a straight or curly apostrophe', () => {
    const elisions = ["l'", "d'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'"];
    for (const elision of elisions) {
      for (const apostrophe of ["'", '’']) {
        const text = `${elision.replace("'", apostrophe)}avocat`;
        const tokens = tokenize(text);
        expect(tokens.map((t) => [t.raw, t.elision])).toEqual([
          [elision.slice(0, -1), true],
          ['avocat', false],
        ]);
        expect(text.slice(tokens[1]?.from, tokens[1]?.to)).toBe('avocat');
      }
    }
  });

  it('keeps aujourd’hui whole and splits chained elisions', () => {
    expect(tokenize('aujourd’hui').map((t) => t.raw)).toEqual(['aujourd’hui']);
    expect(tokenize("qu'aujourd'hui").map((t) => t.raw)).toEqual(['qu', "aujourd'hui"]);
    expect(tokenize('jusqu’à').map((t) => t.raw)).toEqual(['jusqu', 'à']);
  });

  it('does not take an English contraction for an elision', () => {
    expect(tokenize("don't it's").map((t) => t.raw)).toEqual(["don't", "it's"]);
  });

  it('separates hyphenated words and reads inclusive writing as its base word', () => {
    expect(tokenize('Saint-Denis').map((t) => t.raw)).toEqual(['Saint', 'Denis']);
    const [inclusive] = tokenize('avocat·e·s');
    expect(inclusive?.raw).toBe('avocat·e·s');
    expect(inclusive?.folded).toBe('avocat');
  });

  it('counts offsets in UTF-16 code units after emoji and flags', () => {
    const text = '👨‍👩‍👧 🇫🇷 clause';
    const [token] = tokenize(text);
    expect(token?.from).toBe(text.indexOf('clause'));
    expect(text.slice(token?.from, token?.to)).toBe('clause');
  });
});

describe('stem keys match plural and feminine forms', () => {
  const meet = (a: string, b: string): boolean => stemKeys(a).some((key) => stemKeys(b).includes(key));
  it.each([
    ['avocat', 'avocate'],
    ['avocat', 'avocats'],
    ['avocat', 'avocates'],
    ['leader', 'leaders'],
    ['satisfait', 'satisfaite'],
    ['témoignage', 'témoignages'],
    ['témoignage', 'temoignages'],
    ['meilleur', 'meilleures'],
    ['recommandé', 'recommandées'],
    ['politique', 'politiques'],
    ['religieux', 'religieuse'],
  ])('%s ~ %s', (a, b) => {
    expect(meet(a, b)).toBe(true);
  });

  it.each([
    ['art', 'partie'],
    ['art', 'artiste'],
    ['client', 'clientèle'],
    ['avocat', 'avocatier'],
  ])('%s ≁ %s', (a, b) => {
    expect(meet(a, b)).toBe(false);
  });

  it('treats le, la, les (and l’) as one determiner', () => {
    expect(stemKeys('la')).toEqual(stemKeys('les'));
    expect(stemKeys('le')).toEqual(stemKeys('la'));
  });
});
