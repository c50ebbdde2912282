import { describe, expect, it } from 'vitest';
import { confirmPair, levelOf, rankCandidates, shinglesOf, signatureOf } from '../../../shared/similarity/index';
import { overlap } from '../../../shared/similarity/shingles';
import { sharedPassages } from '../../../shared/similarity/passages';

const base =
  'Nous avons accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. Un audit préalable évite bien des surprises.';

describe('exact Jaccard and containment', () => {
  it('are 1 for identical sets, 0 for disjoint ones', () => {
    expect(overlap(new Set([1, 2, 3]), new Set([1, 2, 3]))).toMatchObject({ jaccard: 1, containment: 1 });
    expect(overlap(new Set([1, 2]), new Set([3, 4]))).toMatchObject({ jaccard: 0, containment: 0 });
  });

  it('measure containment over the smaller set and the draft share over the first', () => {
    const pair = overlap(new Set([1, 2]), new Set([1, 2, 3, 4, 5, 6]));
    expect(pair.jaccard).toBeCloseTo(2 / 6);
    expect(pair.containment).toBe(1);
    expect(pair.shareOfFirst).toBe(1);
  });

  it('call a long text contained in a longer one a warning even under the Jaccard level', () => {
    const longer = `${base} Par ailleurs, la jurisprudence de la Cour de cassation évolue vite sur les baux commerciaux et les marchés publics. Notre équipe de Bordeaux a traité quarante dossiers liés au redressement judiciaire cette année, surtout dans l’agroalimentaire. Un webinaire sur la transmission d’entreprise est prévu en octobre : inscrivez-vous vite.`;
    const pair = confirmPair(shinglesOf(base), longer);
    expect(pair.jaccard).toBeLessThan(0.4);
    expect(pair.level).toBe('warn');
  });

  it('does not flag containment of a short text (too little text to judge)', () => {
    expect(levelOf({ jaccard: 0.1, containment: 0.95, shareOfFirst: 0.95, smallerSize: 30 })).toBe('none');
  });

  it('call a copy with a new intro strong, and an unrelated post nothing', () => {
    expect(confirmPair(shinglesOf(`Petite réflexion du jour. ${base}`), base).level).toBe('strong');
    expect(confirmPair(shinglesOf(base), 'Bravo à toute l’équipe pour ce webinaire sur la médiation à Nantes, merci aux participants.').level).toBe('none');
  });
});

describe('candidate ranking', () => {
  it('puts the near-copy first and leaves unrelated posts out', () => {
    const ranked = rankCandidates(signatureOf(`${base} Qu’en pensez-vous ?`), [
      { id: 'unrelated', signature: signatureOf('Merci aux vingt participants de notre petit-déjeuner à Rennes sur la médiation.') },
      { id: 'copy', signature: signatureOf(base) },
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['copy']);
  });
});

describe('shared passages', () => {
  it('mark runs of four or more common words in both texts, ignoring accents and apostrophes', () => {
    const a = 'Intro. Le sujet reste stratégique pour les dirigeants, vraiment.';
    const b = 'Autre chose : le sujet reste strategique pour les dirigeants !';
    const shared = sharedPassages(a, b);
    expect(shared.a.map((r) => a.slice(r.from, r.to))).toEqual(['Le sujet reste stratégique pour les dirigeants']);
    expect(shared.b.map((r) => b.slice(r.from, r.to))).toEqual(['le sujet reste strategique pour les dirigeants']);
  });
});
