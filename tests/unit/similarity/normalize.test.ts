import { describe, expect, it } from 'vitest';
import { normalizeForSimilarity } from '../../../shared/similarity/normalize';

describe('normalisation for the near-duplicate guard', () => {
  it('treats a curly and a straight apostrophe alike and splits French elisions', () => {
    expect(normalizeForSimilarity('L’entreprise qu’il dirige')).toBe('l entreprise qu il dirige');
    expect(normalizeForSimilarity("L'entreprise qu'il dirige")).toBe('l entreprise qu il dirige');
    expect(normalizeForSimilarity('jusqu’à lorsqu’elle d’abord')).toBe('jusqu a lorsqu elle d abord');
  });

  it('lower-cases, removes accents and folds compatibility forms (NFKC)', () => {
    expect(normalizeForSimilarity('ÉTÉ Déjà Noël')).toBe('ete deja noel');
    expect(normalizeForSimilarity('ﬁnance ２０２６')).toBe('finance 2026');
  });

  it('drops links and @mentions but keeps the words of hashtags', () => {
    expect(normalizeForSimilarity('Lisez https://exemple.fr/a?b=1 et www.cabinet.fr avec @Claire_D #DroitDuTravail'))
      .toBe('lisez et avec droitdutravail');
    expect(normalizeForSimilarity('contact@cabinet.fr')).toBe('contact cabinet fr');
  });

  it('drops emoji and punctuation, keeping single spaces between words', () => {
    expect(normalizeForSimilarity('👉 Bravo  !\n\n— À suivre…')).toBe('bravo a suivre');
  });
});
