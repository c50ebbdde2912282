import { describe, expect, it } from 'vitest';
import { rankArenaCandidates, rankCandidates } from '../../../shared/similarity/check';
import { fmix32 } from '../../../shared/similarity/hashing';
import { SIGNATURE_SIZE, signatureOf, signatureOfShingles } from '../../../shared/similarity/minhash';
import type { Signature } from '../../../shared/similarity/minhash';
import { normalizeForSimilarity } from '../../../shared/similarity/normalize';
import { shingleSet } from '../../../shared/similarity/shingles';

const BASE =
  'Cette semaine, j’ai accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  'Trop d’entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite bien des surprises. #droit #RGPD';
const WORDS = BASE.split(' ');

/** Texts from the same words, more and more edited: some near the base text, most far from it. */
const texts = Array.from({ length: 60 }, (_, n) => WORDS.map((word, i) => ((i * 7 + n * 3) % 60 < n ? `${word}${n}` : word)).join(' '));

/** The signature as first written: shingle by shingle, every permutation in the inner loop. */
function referenceSignature(shingles: ReadonlySet<number>): Uint32Array {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) seeds[i] = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995);
  const multipliers = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) multipliers[i] = (fmix32((seeds[i] ?? 0) ^ 0x27d4eb2f) | 1) >>> 0;
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      let h = Math.imul(shingle ^ (seeds[i] ?? 0), multipliers[i] ?? 1);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < (mins[i] ?? 0)) mins[i] = h;
    }
  }
  return mins;
}

describe('signatures', () => {
  it('are the same minima permutation by permutation as shingle by shingle', () => {
    for (const text of [...texts, '', 'abc', BASE.repeat(12).slice(0, 3000)]) {
      const shingles = shingleSet(normalizeForSimilarity(text));
      expect(signatureOfShingles(shingles).mins).toEqual(referenceSignature(shingles));
    }
  });
});

describe('ranking over an arena', () => {
  it('gives the same candidates, estimates and order as ranking signature objects', () => {
    const signatures: Signature[] = [...texts.map(signatureOf), signatureOf('')];
    const mins = new Uint32Array(signatures.length * SIGNATURE_SIZE);
    const sizes = new Uint32Array(signatures.length);
    // Slots in another order than the ids, as a store's free list leaves them.
    const slots = signatures.map((_, i) => (i * 37) % signatures.length);
    signatures.forEach((signature, i) => {
      const slot = slots[i] ?? 0;
      mins.set(signature.mins, slot * SIGNATURE_SIZE);
      sizes[slot] = signature.size;
    });
    const ids = signatures.map((_, i) => `post-${String(i).padStart(2, '0')}`);
    for (const draft of [signatureOf(BASE), signatureOf(texts[20] ?? ''), signatureOf(''), signatureOf(BASE.slice(0, 120))]) {
      for (const limit of [5, 100]) {
        const expected = rankCandidates(draft, signatures.map((signature, i) => ({ id: ids[i] ?? '', signature })), limit);
        expect(rankArenaCandidates(draft, { mins, sizes }, ids, slots, limit)).toEqual(expected);
      }
    }
    expect(rankCandidates(signatureOf(BASE), signatures.map((signature, i) => ({ id: ids[i] ?? '', signature })), 100).length).toBeGreaterThan(3);
  });
});
