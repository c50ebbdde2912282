import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimilarityPair } from '../../../shared/similarity/schema';
import { DAY_MS } from '../../../shared/similarity/window';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { nearCopyPosts } from '../../support/legalSentences';

/**
 * The calendar's pair search finds a whole range's pairs at once (one read of the posts around
 * it, each window cut out by date). It must flag exactly what the per-post check flags: every
 * post of the range checked on its own, pairs kept once, dismissed ones left out.
 */
const D = Date.UTC(2026, 2, 2, 9, 0, 0);

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

/** A set of pairs, whichever side each was met from (posts at the same minute come in either order). */
const asSet = (pairs: SimilarityPair[]) =>
  pairs.map((pair) => ({ ids: [pair.postId, pair.otherPostId].sort().join(' '), level: pair.level })).sort((a, b) => a.ids.localeCompare(b.ids));

/** What the calendar used to compute: each post of the range checked on its own, in date order. */
/** A dismissal is one post's (`similarity.check` flags it from that side only); the calendar drops the pair both ways. */
async function pairsPostByPost(postIds: string[], dismissedPairs: readonly SimilarityPair[] = []): Promise<SimilarityPair[]> {
  const seen = new Set<string>(dismissedPairs.map((pair) => [pair.postId, pair.otherPostId].sort().join(' ')));
  const pairs: SimilarityPair[] = [];
  for (const postId of postIds) {
    const check = await t.call('similarity.check', { postId });
    for (const match of check.matches) {
      const key = [postId, match.postId].sort().join(' ');
      if (match.dismissed || seen.has(key)) continue;
      seen.add(key);
      pairs.push({ postId, otherPostId: match.postId, level: match.level, sharePercent: match.sharePercent });
    }
  }
  return pairs;
}

describe('the calendar’s near-duplicate pairs', () => {
  it('are the pairs the per-post check flags, across partners and windows, without the dismissed ones', async () => {
    const partners = await Promise.all(
      ['Claire Martin', 'Dana Lefèvre', 'Hugo Bernard', 'Inès Garnier'].map((displayName) =>
        t.call('partners.create', { displayName, timeZone: 'Europe/Paris', locale: 'fr' }),
      ),
    );
    // 80 posts over 40 days, texts drawn from a few sentences: many near-copies, some exact.
    const posts = await nearCopyPosts(t, partners, D);
    const from = D + 10 * DAY_MS;
    const to = D + 24 * DAY_MS;
    const inRange = posts.filter((p) => p.at >= from && p.at < to).sort((a, b) => a.at - b.at);
    const before = await pairsPostByPost(inRange.map((p) => p.id));
    expect(before.length).toBeGreaterThan(10);
    expect(asSet(await t.call('similarity.pairs', { from, to }))).toEqual(asSet(before));

    // A dismissed pair leaves the calendar; the others stay as they were.
    const dismissed = before[0];
    if (!dismissed) throw new Error('no pair to dismiss');
    await t.call('similarity.dismiss', { postId: dismissed.postId, otherPostId: dismissed.otherPostId });
    const after = await t.call('similarity.pairs', { from, to });
    expect(asSet(after)).toEqual(asSet(await pairsPostByPost(inRange.map((p) => p.id), [dismissed])));
    expect(asSet(after)).not.toContainEqual(asSet([dismissed])[0]);
  });
});
