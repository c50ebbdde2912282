import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostPageInput } from '../../../shared/posts/schema';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { readEveryPage, seedPostList } from '../../support/postListWorkspace';

/**
 * The Posts page on a workspace larger than a page: every post can be reached, and the number
 * shown is the number that match. The list used to read the newest 500 posts and stop there,
 * without a word, on a workspace of 100,000.
 */
const POSTS = 1_250;
let t: TestCore;
let partners: string[];
beforeEach(async () => {
  t = createTestCore();
  ({ partners } = await seedPostList(t, POSTS, (i) => (i === 0 ? 'La plus ancienne, sur l’usucapion.' : i % 3 === 0 ? 'Un mot sur la médiation.' : 'Un mot sur le bail.')));
});
afterEach(() => t.close());

async function everyPage(input: Omit<PostPageInput, 'after' | 'limit'>, limit = 200): Promise<{ titles: string[]; totals: number[] }> {
  const { items, totals } = await readEveryPage(t, input, limit);
  return { titles: items.map((item) => item.title), totals };
}

describe('the post list, page by page', () => {
  it('reaches every post, newest change first, and says how many there are on every page', async () => {
    const { titles, totals } = await everyPage({});
    expect(titles).toHaveLength(POSTS);
    expect(new Set(titles).size).toBe(POSTS);
    // Billets 1248 and 1249 share the newest minute.
    expect(['Billet 1248', 'Billet 1249']).toContain(titles[0]);
    expect(titles.at(-1)).toBe('Billet 0000');
    expect(new Set(totals)).toEqual(new Set([POSTS]));
    expect(totals.length).toBe(Math.ceil(POSTS / 200));
  });

  it('counts and pages within a partner, a status and a search alike', async () => {
    const [first] = partners;
    const byPartner = await everyPage({ partnerId: first ?? '' }, 500);
    expect(byPartner.titles).toHaveLength(POSTS / 2);
    expect(byPartner.totals[0]).toBe(POSTS / 2);

    const drafts = await everyPage({ status: 'draft' }, 100);
    expect(drafts.titles).toHaveLength(Math.ceil(POSTS / 4));
    expect(drafts.totals[0]).toBe(Math.ceil(POSTS / 4));

    // Accents folded, the last word a prefix, as in the calendar's search.
    // (Every third post but the first, which speaks of usucapion.)
    const mediation = await everyPage({ query: 'mediat' }, 100);
    expect(mediation.titles).toHaveLength(Math.ceil(POSTS / 3) - 1);
    expect(mediation.totals[0]).toBe(Math.ceil(POSTS / 3) - 1);

    // The oldest post, far past the first 500, is one search away.
    const oldest = await t.call('posts.page', { query: 'usucapion' });
    expect(oldest).toMatchObject({ total: 1, next: null });
    expect(oldest.items.map((item) => item.title)).toEqual(['Billet 0000']);
  });

  it('leaves an archived partner’s posts out of the rows and the count, searched or not', async () => {
    await t.call('partners.setArchived', { id: partners[1] ?? '', archived: true });
    const page = await t.call('posts.page', { limit: 10 });
    expect(page.total).toBe(POSTS / 2);
    expect(page.items).toHaveLength(10);
    // Searched too: the count of words found leaves them out, the first partner's (every other post) remain.
    const mediation = await everyPage({ query: 'médiation' }, 100);
    expect(mediation.totals[0]).toBe(mediation.titles.length);
    expect(mediation.titles.length).toBeGreaterThan(0);
    expect(await t.call('posts.page', { query: 'médiation', partnerId: partners[1] ?? '' })).toMatchObject({ total: 0, items: [] });
    const mine = await everyPage({ query: 'médiation', partnerId: partners[0] ?? '' }, 100);
    expect(mine.totals[0]).toBe(mediation.titles.length);
  });
});
