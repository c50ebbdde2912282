import { describe, expect, it } from 'vitest';
import { revisionHash } from '../../../shared/signoff/revisionHash';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';

const base: SignoffContent = {
  texts: { linkedin: 'Trois points essentiels\u202f: l’imprévision.', x: 'Trois points essentiels\u202f!' },
  media: [{ sha256: 'a'.repeat(64), alt: 'Le cabinet' }],
  accounts: { linkedin: 'acc-1', x: 'acc-2' },
};

describe('the revision hash a sign-off is bound to', () => {
  it('is a SHA-256 hex digest, stable for the same content', () => {
    const hash = revisionHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionHash(structuredClone(base))).toBe(hash);
  });

  it('does not depend on key order', () => {
    const reordered: SignoffContent = {
      accounts: { x: 'acc-2', linkedin: 'acc-1' },
      media: base.media,
      texts: { x: base.texts.x ?? '', linkedin: base.texts.linkedin ?? '' },
    };
    expect(revisionHash(reordered)).toBe(revisionHash(base));
  });

  it('treats composed and decomposed accents as the same text (NFC)', () => {
    const decomposed = { ...base, texts: { ...base.texts, linkedin: (base.texts.linkedin ?? '').normalize('NFD') } };
    expect(revisionHash(decomposed)).toBe(revisionHash(base));
  });

  it.each([
    ['one character of one network', { ...base, texts: { ...base.texts, x: 'Trois points essentiels\u202f?' } }],
    ['a no-break space turned into a space', { ...base, texts: { ...base.texts, x: 'Trois points essentiels !' } }],
    ['a network added', { ...base, texts: { ...base.texts, bluesky: 'Trois points' } }],
    ['an image', { ...base, media: [{ sha256: 'b'.repeat(64), alt: 'Le cabinet' }] }],
    ['an alt text', { ...base, media: [{ sha256: 'a'.repeat(64), alt: 'Le cabinet, Paris' }] }],
    ['a target account', { ...base, accounts: { ...base.accounts, x: 'acc-3' } }],
    ['media order', { ...base, media: [...base.media, { sha256: 'c'.repeat(64), alt: '' }] }],
  ])('changes when %s changes', (_what, changed) => {
    expect(revisionHash(changed)).not.toBe(revisionHash(base));
  });
});
