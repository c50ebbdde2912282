import { describe, expect, it } from 'vitest';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings } from './helpers';

/**
 * The phrase index keys multi-word phrases by their first two words (so "l'…" or "le …"
 * phrases of a long line are not all walked at each article): these pin down that the
 * matches stay the same as a word-by-word walk would find.
 */
describe('phrases sharing a first word in a long line', () => {
  const manyArticlePhrases: RuleInput[] = Array.from({ length: 150 }, (_, i) => ({
    kind: 'forbiddenTopic',
    id: `t${String(i)}`,
    terms: [`l'objet${String(i)}`, `le sujet${String(i)} du jour`, `de la chose${String(i)}`],
  }));

  it('finds only the phrases whose following words are in the text, whatever their number', () => {
    const text = 'Voir l’objet7, le sujet12 du jour et de la chose149 ; pas le sujet12 demain ni l’objet.';
    const found = findings(text, manyArticlePhrases).map((f) => `${f.ruleId}:${text.slice(f.range.from, f.range.to)}`);
    expect(found).toEqual(['t7:l’objet7', 't12:le sujet12 du jour', 't149:de la chose149']);
  });

  it('keeps the longest phrase of a rule, and among equally long ones the first listed term', () => {
    const rules: RuleInput[] = [
      { kind: 'bannedTerm', id: 'b', terms: [{ term: 'le meilleur', replacement: 'un bon' }, { term: 'la meilleure', replacement: 'une bonne' }, { term: 'le meilleur avocat', replacement: 'un avocat' }] },
    ];
    // "la meilleure" matches both of the first two terms (articles and gender fold together): the first listed wins.
    expect(findings('Voici la meilleure.', rules).map((f) => f.params.replacement)).toEqual(['un bon']);
    expect(findings('Voici le meilleur avocat.', rules).map((f) => f.params.replacement)).toEqual(['un avocat']);
  });

  it('does not join the words of a phrase across a clause break', () => {
    expect(findings('Le sujet3, du jour.', manyArticlePhrases)).toEqual([]);
  });
});
