import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { findings } from './helpers';

const banned: RuleInput[] = [
  {
    kind: 'bannedTerm',
    id: 'banned',
    terms: [
      { term: 'leader', replacement: 'acteur de référence' },
      { term: 'expert', replacement: 'spécialiste' },
      { term: 'incontournable', replacement: 'reconnu' },
      { term: 'top', replacement: 'idéal' },
      { term: 'partenaire', replacement: 'allié' },
      { term: 'associé', replacement: 'confrère' },
      { term: 'champion', replacement: 'héros' },
    ],
  },
];

const fixed = (text: string): string | null => {
  const [finding] = findings(text, banned);
  return finding?.fix ? applyFix(text, finding.fix) : null;
};

describe('the banned-term quick fix makes the word before agree with the replacement', () => {
  it.each([
    // The reviewer's sentence: it read « Nous sommes le acteur de référence ».
    ['Nous sommes le leader du droit des affaires\u202f!', 'Nous sommes l’acteur de référence du droit des affaires\u202f!'],
    ['Le leader du marché vous accompagne.', 'L’acteur de référence du marché vous accompagne.'],
    ['LE LEADER DU MARCHÉ', 'L’ACTEUR DE RÉFÉRENCE DU MARCHÉ'],
    ['Elle est la leader du secteur.', 'Elle est l’acteur de référence du secteur.'],
    ['Le cabinet du leader européen.', 'Le cabinet de l’acteur de référence européen.'],
    ['Du leader au challenger.', 'De l’acteur de référence au challenger.'],
    ['Nous parlons au leader du marché.', 'Nous parlons à l’acteur de référence du marché.'],
    ['Un statut de leader assumé.', 'Un statut d’acteur de référence assumé.'],
    ['Rien de plus que leader.', 'Rien de plus qu’acteur de référence.'],
    ['Ce leader fait école.', 'Cet acteur de référence fait école.'],
    ['Sa partenaire historique.', 'Son allié historique.'],
    // Back from an elided form when only one full form exists.
    ['Un avis d’expert.', 'Un avis de spécialiste.'],
    ['Un avis D’expert.', 'Un avis De spécialiste.'],
    ['Cet expert vous répond.', 'Ce spécialiste vous répond.'],
    // Nothing to change: a consonant after a full form, a vowel after an elided one.
    ['Le top des cabinets.', 'L’idéal des cabinets.'],
    ['Un cabinet incontournable.', 'Un cabinet reconnu.'],
    ['Le partenaire de confiance.', 'L’allié de confiance.'],
    ['Mon partenaire historique.', 'Mon allié historique.'],
  ])('%j → %j', (text, expected) => {
    expect(fixed(text)).toBe(expected);
  });

  it('quotes in the label what the fix writes, article included', () => {
    const [finding] = findings('Nous sommes le leader du marché.', banned);
    expect(finding?.messageKey).toBe('editorial.finding.bannedTermReplace');
    expect(finding?.fix?.labelParams).toEqual({ replacement: 'l’acteur de référence' });
    // The finding still points at the term alone.
    expect(finding?.range).toEqual({ from: 15, to: 21 });
  });

  it.each([
    // « l’expert » → « le » or « la » spécialiste: the elision hid the gender.
    'L’expert vous répond.',
    'Demandez à l’expert.',
    'Demandez à l\'expert.',
    'Son expert vous répond.',
    // h: « l’homme » but « le héros ».
    'Le champion de la place.',
  ])('offers no one-click fix when the form before cannot be told: %j', (text) => {
    const [finding] = findings(text, banned);
    expect(finding?.messageKey).toBe('editorial.finding.bannedTermReplaceAgree');
    expect(finding?.fix).toBeUndefined();
  });

  it('keeps a straight apostrophe the text already uses before a vowel', () => {
    expect(fixed('Un avis d\'leader.')).toBe('Un avis d\'acteur de référence.');
  });
});
