import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stemmer } from '@orama/stemmers/french';
import { stemKeys } from '../../../shared/editorial/text/stem';

/**
 * frenchStems.json: 4,221 words (the editorial packs, the UI's French strings, the benchmark's
 * prose, inflections the linter meets) with the stems the former snowball-stemmers 'french'
 * stemmer gave them, recorded before the switch to @orama/stemmers/french.
 */
const recorded = JSON.parse(readFileSync(new URL('./frenchStems.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('French stemmer', () => {
  it('gives every recorded word the stem snowball-stemmers gave it', () => {
    const different = Object.entries(recorded).filter(([word, stem]) => stemmer(word) !== stem);
    expect(different).toEqual([]);
    expect(Object.keys(recorded).length).toBeGreaterThan(4000);
  });

  it('still matches the forms of one word through their keys', () => {
    const meet = (a: string, b: string) => stemKeys(a).some((key) => stemKeys(b).includes(key));
    expect(meet('avocat', 'avocates')).toBe(true);
    expect(meet('satisfait', 'satisfaite')).toBe(true);
    expect(meet('leader', 'leaders')).toBe(true);
    expect(meet('garantie', 'résultat')).toBe(false);
  });
});
