import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  SIGNATURE_BYTES,
  estimateJaccard,
  signatureFromBytes,
  signatureOf,
  signatureToBytes,
} from '../../../shared/similarity/minhash';

/**
 * Pinned bytes: the page, the lint worker and core must all produce exactly these (the e2e
 * similarity spec computes the same signature in Chromium, in the page and in a worker).
 */
export const PINNED_TEXT = 'Cette semaine, j’ai accompagné une PME de Lyon sur la conformité RGPD. #droit';
export const PINNED_SHA256 = '9afa679877298596df823f91f811b3dc300a84d5d500dae338dfc77a65a495e0';

describe('MinHash signatures', () => {
  it('are the pinned bytes for a fixed text', () => {
    const signature = signatureOf(PINNED_TEXT);
    expect(signature.size).toBe(70);
    expect(Array.from(signature.mins.slice(0, 4))).toEqual([269209660, 16426019, 120362070, 19674445]);
    const bytes = signatureToBytes(signature);
    expect(bytes.byteLength).toBe(SIGNATURE_BYTES);
    expect(bytesToHex(sha256(bytes))).toBe(PINNED_SHA256);
  });

  it('are pinned for an empty text and a text shorter than a shingle', () => {
    expect(bytesToHex(sha256(signatureToBytes(signatureOf(''))))).toBe('01cc8574e73e26356af7c2c71a4ab528e79af07b51b492f4a82b87a25d763685');
    expect(bytesToHex(sha256(signatureToBytes(signatureOf('abc'))))).toBe('32b61059dcf048c09ed0e14b2fb32fa25234f7f3d9d3a5d7b0ffc9b9330e3111');
  });

  it('round-trip through their bytes and refuse bytes of the wrong length', () => {
    const signature = signatureOf(PINNED_TEXT);
    const back = signatureFromBytes(signatureToBytes(signature));
    expect(back?.size).toBe(signature.size);
    expect(Array.from(back?.mins ?? [])).toEqual(Array.from(signature.mins));
    expect(signatureFromBytes(new Uint8Array(10))).toBeNull();
  });

  it('are equal for texts that differ only in apostrophes, accents, case and links', () => {
    const a = signatureOf('L’équipe a gagné ! https://a.fr');
    const b = signatureOf("l'equipe A GAGNE");
    expect(estimateJaccard(a, b)).toBe(1);
  });
});
