import { describe, expect, it } from 'vitest';
import { canonicalSignoffContent, revisionHash } from '../../../shared/signoff/revisionHash';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';
import { threadsContentOf } from '../../../shared/threads/content';

const base: SignoffContent = {
  texts: { linkedin: 'Trois points essentiels\u202f: l’imprévision.', x: 'Trois points essentiels\u202f!' },
  media: [{ sha256: 'a'.repeat(64), alt: 'Le cabinet' }],
  accounts: { linkedin: 'acc-1', x: 'acc-2' },
};

/** The canonical form as it was written before threads existed (v1): existing approvals were hashed over it. */
const BEFORE_THREADS =
  '{"accounts":{"linkedin":"acc-1","x":"acc-2"},"media":[{"alt":"Le cabinet","sha256":"' +
  'a'.repeat(64) +
  '"}],"texts":{"linkedin":"Trois points essentiels\u202f: l’imprévision.","x":"Trois points essentiels\u202f!"},"v":1}';

describe('threads and first comments in the approval hash', () => {
  it('leaves the hash of a post without threads or comments exactly as before, absent or empty', () => {
    expect(canonicalSignoffContent(base)).toBe(BEFORE_THREADS);
    const hash = revisionHash(base);
    expect(revisionHash({ ...base, threads: {}, firstComments: {} })).toBe(hash);
    expect(revisionHash({ ...base, threads: { x: [] }, firstComments: { linkedin: '' } })).toBe(hash);
  });

  it.each([
    ['a thread', { ...base, threads: { x: ['Un 1/2', 'Deux 2/2'] } }],
    ['a first comment', { ...base, firstComments: { linkedin: 'Le lien en commentaire.' } }],
  ])('binds %s', (_what, changed) => {
    expect(revisionHash(changed)).not.toBe(revisionHash(base));
  });

  it('changes when one part of the thread changes, or the comment does', () => {
    const thread = { ...base, threads: { x: ['Un 1/2', 'Deux 2/2'] } };
    expect(revisionHash({ ...base, threads: { x: ['Un 1/2', 'Deux\u202f! 2/2'] } })).not.toBe(revisionHash(thread));
    const comment = { ...base, firstComments: { x: 'Lien' } };
    expect(revisionHash({ ...base, firstComments: { x: 'Lien.' } })).not.toBe(revisionHash(comment));
  });

  it('takes only threads of thread networks the post targets, and comments where the network takes one', () => {
    const content = threadsContentOf({
      networks: ['linkedin', 'x'],
      threads: { linkedin: ['a', 'b'], x: ['Un', 'Deux'], bluesky: ['c', 'd'] },
      firstComments: { linkedin: 'Commentaire', x: '', mastodon: 'non' },
    });
    expect(content).toEqual({ threads: { x: ['Un', 'Deux'] }, firstComments: { linkedin: 'Commentaire' } });
    expect(threadsContentOf({ networks: ['x'], threads: { x: ['Seul'] } })).toEqual({});
  });
});
