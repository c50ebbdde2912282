import { describe, expect, it } from 'vitest';
import { listOrder, patchPostPages, sharePostPages } from '../../../renderer/src/posts/listPatch';
import type { PageCursor, PostPages } from '../../../renderer/src/posts/listPatch';
import { Core, idOf, ids, loadedIds, post, posts, readOn, T0 } from './postListModel';

/**
 * The Posts page's loaded pages patched after an event naming a post (renderer/src/posts/listPatch.ts),
 * checked against a model of core's list (`posts.page`: filter, order by updated_at DESC then id
 * DESC, keyset cursor; `posts.rows`): once patched, the loaded rows and the pages read on from the
 * last cursor must be exactly the list core would give from the start.
 */

/** Patches `data` after the events naming `named`, as the page does with core's answer. */
function patched(core: Core, data: PostPages, named: string[]): PostPages {
  const next = patchPostPages(data, named, core.rows(named));
  if (next === null) throw new Error('could not patch');
  return next;
}

/** Every page's rows within its cursor range, in order: the invariant fetchNextPage relies on. */
function expectPagesWithinCursors(data: PostPages): void {
  let previous: PageCursor = null;
  for (const page of data.pages) {
    for (const item of page.items) {
      if (previous) expect(listOrder(item, previous)).toBeGreaterThan(0);
      if (page.next) expect(listOrder(item, page.next)).toBeLessThanOrEqual(0);
    }
    for (let i = 1; i < page.items.length; i++) expect(listOrder(page.items[i - 1] ?? post(0, 0), page.items[i] ?? post(0, 0))).toBeLessThan(0);
    previous = page.next;
  }
}

const LIMIT = 5;

describe('patching the loaded post list after an event naming a post', () => {
  it('moves a saved post from the third page to the top, and the pages read on neither skip nor repeat a row', () => {
    const core = new Core(posts(30));
    const data = core.load(3, LIMIT);
    const saved = idOf(18);
    expect(loadedIds(data).indexOf(saved)).toBe(12);
    core.save(saved, { updatedAt: T0 + 3_600_000, title: 'Billet 18, revu' });
    const next = patched(core, data, [saved]);
    expect(loadedIds(next)[0]).toBe(saved);
    expect(next.pages[0]?.items[0]?.title).toBe('Billet 18, revu');
    expect(loadedIds(next)).toHaveLength(15);
    expect(readOn(core, next, LIMIT)).toEqual(core.everything());
    expect(next.pages.map((page) => page.total)).toEqual([30, 30, 30]);
    expectPagesWithinCursors(next);
    // The cursors React Query reads the next page from are untouched.
    expect(next.pageParams).toBe(data.pageParams);
    expect(next.pages.map((page) => page.next)).toEqual(data.pages.map((page) => page.next));
  });

  it('moves to the top a post saved past the loaded pages, and does not read it again further down', () => {
    const core = new Core(posts(30));
    const data = core.load(2, LIMIT);
    const saved = idOf(3);
    expect(loadedIds(data)).not.toContain(saved);
    core.save(saved, { updatedAt: T0 + 3_600_000 });
    const next = patched(core, data, [saved]);
    expect(loadedIds(next)).toHaveLength(11);
    expect(loadedIds(next)[0]).toBe(saved);
    const all = readOn(core, next, LIMIT);
    expect(all).toEqual(core.everything());
    expect(new Set(all).size).toBe(30);
  });

  it('takes out a post that no longer matches the filter, and the count with it', () => {
    const core = new Core(
      posts(30),
      'draft',
    );
    const data = core.load(3, LIMIT);
    const approved = idOf(22);
    core.save(approved, { status: 'approved', updatedAt: T0 + 3_600_000 });
    const next = patched(core, data, [approved]);
    expect(loadedIds(next)).not.toContain(approved);
    expect(loadedIds(next)).toHaveLength(14);
    expect(next.pages[0]?.total).toBe(29);
    expect(readOn(core, next, LIMIT)).toEqual(core.everything());
    expectPagesWithinCursors(next);
  });

  it('brings in, at its place among the loaded rows, a post that now matches without having moved', () => {
    // Odd posts are drafts; a sign-off decision turns post 20 (published, same minute) into a draft.
    const core = new Core(
      posts(30, (n) => (n % 2 === 1 ? 'draft' : 'published')),
      'draft',
    );
    const data = core.load(2, LIMIT);
    expect(loadedIds(data)).not.toContain(idOf(20));
    core.save(idOf(20), { status: 'draft' });
    const next = patched(core, data, [idOf(20)]);
    expect(loadedIds(next)).toContain(idOf(20));
    expect(next.pages[0]?.total).toBe(16);
    expect(readOn(core, next, LIMIT)).toEqual(core.everything());
    expectPagesWithinCursors(next);
    // Past the loaded rows, it is left to the next page to bring.
    const few = core.load(1, LIMIT);
    core.save(idOf(8), { status: 'draft' });
    const after = patched(core, few, [idOf(8)]);
    expect(loadedIds(after)).toEqual(loadedIds(few));
    expect(after.pages[0]?.total).toBe(17);
    expect(readOn(core, after, LIMIT)).toEqual(core.everything());
  });

  it('takes out a deleted post, even one whose page is left empty, and reads on from that page’s cursor', () => {
    const core = new Core(posts(11));
    // Pages of 5, 5 and 1: the third holds the oldest post only.
    const data = core.load(3, LIMIT);
    expect(data.pages[2]?.items).toHaveLength(1);
    core.posts.delete(idOf(1));
    const next = patched(core, data, [idOf(1)]);
    expect(next.pages[2]?.items).toEqual([]);
    expect(next.pages.map((page) => page.total)).toEqual([10, 10, 10]);
    expect(readOn(core, next, LIMIT)).toEqual(core.everything());
    // Deleted from the middle of a list read in part.
    const more = new Core(posts(30));
    const loaded = more.load(2, LIMIT);
    more.posts.delete(idOf(27));
    const without = patched(more, loaded, [idOf(27)]);
    expect(loadedIds(without)).toHaveLength(9);
    expect(readOn(more, without, LIMIT)).toEqual(more.everything());
  });

  it('puts a new post at the top, the count one more, whether the list is read to its end or not', () => {
    for (const pagesLoaded of [1, 7]) {
      const core = new Core(posts(30));
      const data = core.load(pagesLoaded, LIMIT);
      const created = post(99, T0 + 3_600_000);
      core.posts.set(created.id, created);
      const next = patched(core, data, [created.id]);
      expect(loadedIds(next)[0]).toBe(created.id);
      expect(next.pages[0]?.total).toBe(31);
      expect(readOn(core, next, LIMIT)).toEqual(core.everything());
    }
  });

  it('keeps every row and page that did not change as they were, and the whole list when nothing changed', () => {
    const core = new Core(posts(30));
    const data = core.load(3, LIMIT);
    // A sign-off change that leaves the row as it was.
    expect(patched(core, data, [idOf(24)])).toBe(data);
    core.save(idOf(24), { updatedAt: T0 + 3_600_000 });
    const next = patched(core, data, [idOf(24)]);
    // Post 24 was on the second page: the third keeps its identity, and every other row its own.
    expect(next.pages[2]).toBe(data.pages[2]);
    const before = new Map(data.pages.flatMap((page) => page.items).map((item) => [item.id, item]));
    for (const item of next.pages.flatMap((page) => page.items)) if (item.id !== idOf(24)) expect(item).toBe(before.get(item.id));
  });

  it('follows many events in a row, loaded list and core alike', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296);
    for (const status of [null, 'draft'] as const) {
      const core = new Core(
        posts(60, (n) => (n % 3 === 0 ? 'published' : 'draft')),
        status,
      );
      let data = core.load(4, LIMIT);
      let clock = T0 + 3_600_000;
      let fresh = 100;
      for (let step = 0; step < 200; step++) {
        const all = [...core.posts.keys()];
        const roll = random();
        const named: string[] = [];
        const pick = () => all[Math.floor(random() * all.length)] ?? '';
        if (roll < 0.15) {
          const created = post(fresh++, (clock += 1_000));
          core.posts.set(created.id, created);
          named.push(created.id);
        } else if (roll < 0.25 && all.length > 10) {
          const gone = pick();
          core.posts.delete(gone);
          named.push(gone);
        } else if (roll < 0.6) {
          const id = pick();
          core.save(id, { updatedAt: (clock += 1_000), status: random() < 0.5 ? 'draft' : 'published' });
          named.push(id);
        } else {
          // Several posts in one batch; some without a new date (a status set by sign-off).
          for (let n = 0; n < 3; n++) {
            const id = pick();
            core.save(id, random() < 0.5 ? { status: random() < 0.5 ? 'draft' : 'published' } : { updatedAt: (clock += 1_000) });
            named.push(id);
          }
        }
        data = patched(core, data, named);
        expectPagesWithinCursors(data);
        expect(data.pages[0]?.total).toBe(core.everything().length);
        expect(readOn(core, data, LIMIT)).toEqual(core.everything());
        // Now and then the user scrolls: the next page is read from the last cursor.
        const last = data.pages.at(-1);
        if (random() < 0.1 && last?.next) data = { pages: [...data.pages, core.page(last.next, LIMIT)], pageParams: [...data.pageParams, last.next] };
      }
    }
  });

  it('says it cannot patch pages whose cursors are missing, and leaves a list without pages alone', () => {
    const core = new Core(posts(12));
    const data = core.load(2, LIMIT);
    const broken: PostPages = { ...data, pages: [{ ...(data.pages[0] ?? core.page(null, LIMIT)), next: null }, ...data.pages.slice(1)] };
    expect(patchPostPages(broken, [idOf(1)], core.rows([idOf(1)]))).toBeNull();
    const empty: PostPages = { pages: [], pageParams: [] };
    expect(patchPostPages(empty, [idOf(1)], core.rows([idOf(1)]))).toBe(empty);
  });
});

describe('the list’s structural sharing, by post', () => {
  it('keeps unchanged rows as they were when a saved post moves to the top and shifts them all', () => {
    const core = new Core(posts(30));
    const before = core.load(2, LIMIT);
    core.save(idOf(22), { updatedAt: T0 + 3_600_000 });
    const refetched = core.load(2, LIMIT);
    const shared = sharePostPages(before, refetched);
    const held = new Map(before.pages.flatMap((page) => page.items).map((item) => [item.id, item]));
    const rows = shared.pages.flatMap((page) => page.items);
    expect(ids(rows)).toEqual(ids(refetched.pages.flatMap((page) => page.items)));
    for (const item of rows) {
      if (item.id === idOf(22)) expect(item).not.toBe(held.get(item.id));
      else if (held.has(item.id)) expect(item).toBe(held.get(item.id));
    }
    // A read that brought nothing new hands back the very same pages.
    expect(sharePostPages(refetched, core.load(2, LIMIT))).toBe(refetched);
    expect(sharePostPages(undefined, refetched)).toBe(refetched);
  });
});
