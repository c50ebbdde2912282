import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { ManualClock } from '../../support/testCore';
import { MINUTE, publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

const COMMON = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026.';
const PARTS = ['Réforme des contrats : ce qui change. 1/3', 'L’imprévision entre dans vos contrats. 2/3', 'Relisez vos clauses dès aujourd’hui ! 3/3'];
const COMMENT = 'Notre note complète : https://cabinet.example/reforme';

let harness: PublishingHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

describe('publishing a thread and a first comment by hand', () => {
  it('gives the approved parts in order and the first comment, and opens the composer on the first part', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const h = publishingHarness({ clock });
    harness = h;
    const partner = await h.partner();
    const created = await h.call('posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'threads'], content: docFromParagraphs([COMMON]), scheduledAt: clock.now() + MINUTE });
    // An empty part is no part; a first comment on Threads is not taken (the network has none).
    await h.call('posts.save', {
      id: created.id,
      baseVersion: created.version,
      threads: { threads: [...PARTS, '  '] },
      firstComments: { linkedin: COMMENT, threads: 'ignored' },
    });
    await h.call('signoff.recordDecision', { postId: created.id, decision: 'approve', channel: 'phone', decidedAt: clock.now() });

    clock.advance(MINUTE);
    await h.tick();
    const view = await h.status(created.id);
    expect(view.publications).toEqual(
      expect.arrayContaining([expect.objectContaining({ network: 'threads', state: 'awaiting_manual' }), expect.objectContaining({ network: 'linkedin', state: 'awaiting_manual' })]),
    );
    expect(view.threads).toEqual({ threads: PARTS });
    expect(view.firstComments).toEqual({ linkedin: COMMENT });
    expect(view.composeUrls.threads).toBe(`https://www.threads.com/intent/post?text=${encodeURIComponent(PARTS[0] ?? '')}`);
  });
});
