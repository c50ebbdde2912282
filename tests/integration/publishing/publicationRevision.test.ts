import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

let h: PublishingHarness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('a publication is a point of the history', () => {
  it('keeps the published text as a revision when the newest one does not hold it, numbered in the published fact', async () => {
    const harness = publishingHarness();
    h = harness;
    const partner = await harness.partner();
    const approved = await harness.approvedPost(partner.id, 'Trois points sur la réforme du droit des contrats.', ['linkedin'], harness.clock.now() + MINUTE);
    expect(approved.revisionCount).toBe(1);
    // The title is not part of what the partner approves: changing it keeps the approval, and the history has not seen it yet.
    const retitled = await harness.call('posts.save', { id: approved.id, baseVersion: approved.version, title: 'Réforme : trois points' });
    expect(retitled.revisionCount).toBe(1);

    harness.clock.advance(MINUTE);
    await harness.tick();
    const done = await harness.call('publishing.manualDone', {
      postId: approved.id,
      network: 'linkedin',
      url: 'https://www.linkedin.com/posts/claire-dupont_contrats-activity-7260000000000000000-AbCd',
    });
    expect(done.status).toBe('published');

    const { items } = await harness.call('posts.revisions', { postId: approved.id });
    expect(items.map((r) => [r.number, r.title])).toEqual([
      [2, 'Réforme : trois points'],
      [1, 'Réforme du droit des contrats'],
    ]);
    const history = await harness.call('signoff.history', { postId: approved.id });
    expect(history.filter((e) => e.action === 'published').map((e) => e.revisionNumber)).toEqual([2]);
  });
});
