import { describe, expect, it } from 'vitest';
import { lint } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { stemKeys } from '../../../shared/editorial/text/stem';
import { flagged, lineWith } from './helpers';

/**
 * « Trouver aussi pluriels et féminins »: a word matches a term when it is the same word up
 * to French number and gender (English plural in an English post), never a derived word.
 */
const meet = (a: string, b: string, language: 'fr' | 'en' = 'fr'): boolean => stemKeys(a, language).some((key) => stemKeys(b, language).includes(key));

describe('a term finds its plurals and feminine forms', () => {
  it.each([
    ['avocat', ['avocats', 'avocate', 'avocates']],
    ['meilleur', ['meilleure', 'meilleurs', 'meilleures']],
    ['leader', ['leaders']],
    ['satisfait', ['satisfaite', 'satisfaits', 'satisfaites']],
    ['spécialisé', ['spécialisée', 'spécialisés', 'spécialisées', 'specialisee']],
    ['national', ['nationaux', 'nationale', 'nationales', 'nationals']],
    ['nouveau', ['nouveaux', 'nouvelle', 'nouvelles', 'nouvel']],
    ['heureux', ['heureuse', 'heureuses']],
    ['actif', ['actifs', 'active', 'actives']],
    ['premier', ['première', 'premières', 'premiers']],
    ['ancien', ['ancienne', 'anciennes', 'anciens']],
    ['bon', ['bonne', 'bonnes', 'bons']],
    ['cruel', ['cruelle', 'cruelles']],
    ['muet', ['muette', 'muettes']],
    ['créateur', ['créatrice', 'créatrices', 'créateurs']],
    ['vendeur', ['vendeuse', 'vendeuses']],
    ['travail', ['travaux']],
    ['complet', ['complète', 'complètes']],
    ['jaloux', ['jalouse']],
    ['blanc', ['blanche', 'blanches']],
    ['témoignage', ['témoignages', 'temoignages']],
    ['religieux', ['religieuse']],
    ['bijou', ['bijoux']],
  ])('%s → %j', (term, forms) => {
    for (const form of forms) expect(meet(term, form), form).toBe(true);
  });

  it.each([
    ['lawsuit', ['lawsuits', "lawsuit's"]],
    ['party', ['parties']],
    ['box', ['boxes']],
    ['church', ['churches']],
    ['wife', ['wives']],
    ['child', ['children']],
  ])('in English: %s → %j', (term, forms) => {
    for (const form of forms) expect(meet(term, form, 'en'), form).toBe(true);
  });

  it.each([
    ['gouvernement', 'gouvernance'],
    ['spécialisé', 'spécialiste'],
    ['spécialisé', 'Spécialisation'],
    ['meilleur', 'meilleurement'],
    ['incontournable', 'incontournablement'],
    ['élection', 'électricité'],
    ['garantie', 'garantissons'],
    ['avocat', 'avocatier'],
    ['client', 'clientèle'],
    ['art', 'artiste'],
  ])('%s does not find %s', (term, word) => {
    expect(meet(term, word)).toBe(false);
  });

  it.each([
    ['guarantee', 'guaranteed'],
    ['settle', 'settled'],
    ['lawyer', 'lawyering'],
  ])('in English: %s does not find %s', (term, word) => {
    expect(meet(term, word, 'en')).toBe(false);
  });
});

describe('word lists with « Trouver aussi pluriels et féminins »', () => {
  it('does not flag « gouvernance » as the forbidden political term « gouvernement »', () => {
    const rules: RuleInput[] = [{ kind: 'forbiddenTopic', id: 'politics', severity: 'error', topic: 'politique', terms: ['gouvernement'] }];
    const text = 'La gouvernance du cabinet change ; le gouvernement et les gouvernements passent.';
    const { findings } = lint(text, lineWith(rules));
    expect(findings.map((f) => text.slice(f.range.from, f.range.to))).toEqual(['gouvernement', 'gouvernements']);
  });

  it('flags inflections of banned words, not words derived from them', () => {
    const rules: RuleInput[] = [
      { kind: 'bannedTerm', id: 'banned', terms: [{ term: 'spécialisé' }, { term: 'meilleur', replacement: 'reconnu' }, { term: 'incontournable', replacement: 'reconnu' }] },
    ];
    const text =
      'Un spécialiste de la Spécialisation, meilleurement placé, incontournablement. ' +
      'Une avocate spécialisée, les meilleures, des cabinets incontournables.';
    expect(flagged(text, rules)).toEqual(['spécialisée', 'meilleures', 'incontournables']);
  });

  it('keeps determiners matching across gender and number in a phrase', () => {
    const rules: RuleInput[] = [{ kind: 'bannedTerm', id: 'banned', terms: [{ term: 'le meilleur avocat' }] }];
    expect(flagged('La meilleure avocate, les meilleurs avocats, le meilleur avocat.', rules)).toEqual([
      'La meilleure avocate',
      'les meilleurs avocats',
      'le meilleur avocat',
    ]);
  });
});
