import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';

let harness: PublishingHarness | null = null;

afterEach(() => {
  harness?.close();
  harness = null;
});

/** A post published by hand on LinkedIn (its own URL), with figures typed in, or none. */
async function publishedByHand(h: PublishingHarness, partnerId: string, n: number, figures: Record<string, number> | null): Promise<string> {
  const post = await h.approvedPost(partnerId, `Point de droit n° ${n} : la clause pénale.`, ['linkedin'], h.clock.now() + MINUTE);
  h.clock.advance(MINUTE);
  await h.tick();
  await h.call('publishing.manualDone', { postId: post.id, network: 'linkedin', url: `https://www.linkedin.com/feed/update/urn:li:activity:739800000000000000${n}` });
  if (figures) {
    const [publication] = (await h.call('engagement.forPost', { postId: post.id })).publications;
    h.clock.advance(MINUTE);
    await h.call('engagement.recordManual', { publicationId: publication?.publicationId ?? 0, readAt: h.clock.now(), figures });
  }
  return post.id;
}

describe("a calendar view's engagement badges", () => {
  it('come for every shown post in one call: each with figures gets its interactions and impressions, the others none', async () => {
    const h = publishingHarness();
    harness = h;
    const partner = await h.partner();
    const liked = await publishedByHand(h, partner.id, 1, { likes: 40, replies: 6, reposts: 2, impressions: 2300 });
    const quiet = await publishedByHand(h, partner.id, 2, null);
    const small = await publishedByHand(h, partner.id, 3, { likes: 3 });
    const draft = await h.call('posts.create', { partnerId: partner.id, title: 'Brouillon' });

    const badges = await h.call('engagement.badges', { postIds: [small, draft.id, liked, quiet, liked] });

    expect(badges).toEqual({
      [liked]: { interactions: 48, impressions: 2300 },
      [small]: { interactions: 3, impressions: null },
    });
    expect(await h.call('engagement.badges', { postIds: [] })).toEqual({});
  });
});
