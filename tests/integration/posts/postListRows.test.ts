import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostPageInput } from '../../../shared/posts/schema';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { readEveryPage, seedPostList } from '../../support/postListWorkspace';

/**
 * `posts.rows`: a few posts asked about under the Posts page's filter, answered as `posts.page`
 * would list them (same filter, same order, same count). The list patches its loaded pages with
 * it after an event naming a post, instead of reading every loaded page again.
 */
const POSTS = 240;
let t: TestCore;
let partners: string[];
/** Post ids by index of creation (index 0 the oldest). */
let ids: string[];
beforeEach(async () => {
  t = createTestCore();
  ({ partners, ids } = await seedPostList(t, POSTS, (i) => (i % 3 === 0 ? 'Un mot sur la médiation.' : 'Un mot sur le bail.')));
});
afterEach(() => t.close());

const idAt = (i: number): string => ids[i] ?? '';

/** What the Posts page would hold under `filter` once every page is read. */
async function everyRow(filter: Omit<PostPageInput, 'after' | 'limit'>): Promise<{ ids: string[]; total: number }> {
  const { items, totals } = await readEveryPage(t, filter, 50);
  return { ids: items.map((item) => item.id), total: totals.at(-1) ?? -1 };
}

describe('posts.rows: some posts under the Posts page’s filter, and its count', () => {
  it('answers the rows and count posts.page gives, for every filter, in the list’s order', async () => {
    const asked = [3, 4, 9, 8, 17, 18, 120, 239, 0].map(idAt);
    const filters: Omit<PostPageInput, 'after' | 'limit'>[] = [
      {},
      { partnerId: partners[0] ?? '' },
      { status: 'draft' },
      { query: 'mediat' },
      { query: 'médiation', status: 'draft' },
      { query: 'bail', partnerId: partners[1] ?? '' },
      { query: 'bail', partnerId: partners[1] ?? '', status: 'published' },
    ];
    for (const filter of filters) {
      const listed = await everyRow(filter);
      const answer = await t.call('posts.rows', { ...filter, ids: asked });
      expect(answer.total, JSON.stringify(filter)).toBe(listed.total);
      // The asked posts the list holds, in the order it holds them (8 and 9 share a minute: by id).
      expect(answer.items.map((item) => item.id), JSON.stringify(filter)).toEqual(listed.ids.filter((id) => asked.includes(id)));
    }
    // A filter that holds them: the summary is the list's own.
    const page = await t.call('posts.page', { limit: 500 });
    const all = await t.call('posts.rows', { ids: asked });
    expect(all.items).toEqual(page.items.filter((item) => asked.includes(item.id)));
    expect(all.items).toHaveLength(asked.length);
  });

  it('follows a save: a post that stops matching leaves, one that starts matching comes, the count moves', async () => {
    // Post 4 is a draft (4 % 4 === 0) about the lease; post 3 is published.
    const before = await t.call('posts.rows', { status: 'draft', ids: [idAt(3), idAt(4)] });
    expect(before.items.map((item) => item.id)).toEqual([idAt(4)]);
    const drafts = before.total;
    const post = await t.call('posts.get', { id: idAt(4) });
    t.clock.advance(1_000);
    await t.call('posts.save', {
      id: post.id,
      baseVersion: post.version,
      title: 'Billet sur la médiation',
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'La médiation, enfin.' }] }] },
    });
    // Still a draft, now newest: the search for mediation holds it, at the top of the list.
    const searched = await t.call('posts.rows', { query: 'mediation', ids: [idAt(4), idAt(3)] });
    const top = await t.call('posts.page', { query: 'mediation', limit: 1 });
    expect(searched.items.map((item) => item.id)).toEqual([idAt(4), idAt(3)]);
    expect(top.items[0]?.id).toBe(idAt(4));
    expect(searched.total).toBe(top.total);
    // The lease no longer: it leaves that search, whose count drops by one.
    const leaseNow = await everyRow({ query: 'bail' });
    const lease = await t.call('posts.rows', { query: 'bail', ids: [idAt(4)] });
    expect(lease).toEqual({ items: [], total: leaseNow.total });
    expect(leaseNow.ids).not.toContain(idAt(4));
    expect((await t.call('posts.rows', { status: 'draft', ids: [idAt(4)] })).total).toBe(drafts);
  });

  it('leaves out a deleted post and an archived partner’s posts, from the rows and the count, searched or not', async () => {
    await t.call('posts.delete', { id: idAt(0) });
    expect(await t.call('posts.rows', { ids: [idAt(0)] })).toEqual({ items: [], total: POSTS - 1 });

    await t.call('partners.setArchived', { id: partners[1] ?? '', archived: true });
    // Odd posts are the archived partner's.
    const asked = [1, 2, 3, 6].map(idAt);
    const all = await t.call('posts.rows', { ids: asked });
    expect(all.items.map((item) => item.id)).toEqual([idAt(6), idAt(2)]);
    expect(all.total).toBe(POSTS / 2 - 1);
    for (const filter of [{ query: 'médiation' }, { query: 'bail', status: 'published' as const }, { partnerId: partners[1] ?? '' }, { query: 'mot', partnerId: partners[1] ?? '' }]) {
      const listed = await everyRow(filter);
      const answer = await t.call('posts.rows', { ...filter, ids: asked });
      expect(answer.total, JSON.stringify(filter)).toBe(listed.total);
      expect(answer.items.map((item) => item.id), JSON.stringify(filter)).toEqual(listed.ids.filter((id) => asked.includes(id)));
    }
    expect(await t.call('posts.rows', { partnerId: partners[1] ?? '', ids: asked })).toEqual({ items: [], total: 0 });
  });

  it('refuses an empty or oversized list of ids, and anything but ids', async () => {
    expect((await t.raw('posts.rows', { ids: [] })).ok).toBe(false);
    expect((await t.raw('posts.rows', { ids: Array.from({ length: 101 }, () => randomUUID()) })).ok).toBe(false);
    expect((await t.raw('posts.rows', { ids: ['1 OR 1=1'] })).ok).toBe(false);
    expect((await t.raw('posts.rows', { ids: [idAt(1)], limit: 3 })).ok).toBe(false);
  });
});
