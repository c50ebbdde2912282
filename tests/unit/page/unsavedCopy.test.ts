import { describe, expect, it } from 'vitest';
import { copyDiffers } from '../../../renderer/src/editor/unsavedCopy';
import type { UnsavedCopy } from '../../../renderer/src/editor/unsavedCopy';

const fields = { title: 'Réforme', note: '', networks: ['linkedin' as const], partnerId: 'p1' };

describe('copyDiffers', () => {
  // A copy kept as the tab closed, whose last save did land: core gives the body back with its
  // keys sorted, the editor wrote them in its own order. It must not be offered back.
  it('takes a copy equal to the stored text but for key order as saved', () => {
    const copy: UnsavedCopy = {
      postId: 'x',
      baseVersion: 3,
      keptAt: 0,
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tapé juste avant de fermer.' }] }] },
      fields,
    };
    const stored = { ...fields, content: { content: [{ content: [{ text: 'Tapé juste avant de fermer.', type: 'text' }], type: 'paragraph' }], type: 'doc' } };
    expect(copyDiffers(copy, stored)).toBe(false);
  });

  it('still offers a copy whose text the stored post does not hold', () => {
    const copy: UnsavedCopy = { postId: 'x', baseVersion: 3, keptAt: 0, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Autre.' }] }] }, fields };
    const stored = { ...fields, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tapé.' }] }] } };
    expect(copyDiffers(copy, stored)).toBe(true);
  });
});
