import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InfiniteQueryObserver } from '@tanstack/react-query';
import { PlumeQueryClient } from '../../../renderer/src/api/queryClient';
import { invalidateAllSoon } from '../../../renderer/src/api/invalidateSoon';
import { isPostPages, postListKey, sharePostPages } from '../../../renderer/src/posts/listPatch';
import type { PageCursor, PostListFilter, PostPages } from '../../../renderer/src/posts/listPatch';
import { postListRefresher } from '../../../renderer/src/posts/listRefresh';
import type { PostPage } from '../../../shared/posts/schema';
import { Core, idOf, loadedIds, post, posts, readOn, T0 } from './postListModel';
import { clockAfterEarlierKeystrokes } from '../../support/fakeFrames';

/**
 * The Posts page's list kept fresh after events naming a post (renderer/src/posts/listRefresh.ts),
 * with React Query's own cache: one `posts.rows` per event batch whatever the pages loaded, none
 * of `posts.page`, and the patch never lost to a page read in flight.
 */

const LIMIT = 5;
const ALL: PostListFilter = { partnerId: null, query: '', status: null };

interface Deferred {
  resolve: () => void;
}

function setup(core: Core, filter: PostListFilter = ALL) {
  const queryClient = new PlumeQueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  let pageReads = 0;
  let rowReads = 0;
  /** While set, each page read waits for the test to let it answer (read from core as it stood when asked). */
  let hold: Deferred[] | null = null;
  const observer = new InfiniteQueryObserver(queryClient, {
    queryKey: postListKey(filter),
    queryFn: async ({ pageParam }: { pageParam: PageCursor }): Promise<PostPage> => {
      pageReads++;
      const page = core.page(pageParam, LIMIT);
      const held = hold;
      if (held) await new Promise<void>((resolve) => held.push({ resolve }));
      return page;
    },
    initialPageParam: null as PageCursor,
    getNextPageParam: (last: PostPage): PageCursor | undefined => last.next ?? undefined,
    structuralSharing: (previous: unknown, next: unknown) => (isPostPages(next) ? sharePostPages(isPostPages(previous) ? previous : undefined, next) : next),
  });
  const stop = observer.subscribe(() => undefined);
  /** While set, each `posts.rows` answer (read from core when asked) waits for the test to let it through. */
  let holdRows: Deferred[] | null = null;
  const refresher = postListRefresher(async (input) => {
    rowReads++;
    expect(input.status).toBe(filter.status ?? undefined);
    const rows = core.rows(input.ids);
    const held = holdRows;
    if (held) await new Promise<void>((resolve) => held.push({ resolve }));
    return rows;
  });
  const data = (): PostPages => {
    const value = queryClient.getQueryData(postListKey(filter));
    if (!isPostPages(value)) throw new Error('no pages');
    return value;
  };
  return {
    queryClient,
    observer,
    refresher,
    data,
    stop,
    reads: () => ({ pages: pageReads, rows: rowReads }),
    resetReads: () => {
      pageReads = 0;
      rowReads = 0;
    },
    holdPages: () => {
      const held: Deferred[] = [];
      hold = held;
      return held;
    },
    releasePages: () => {
      hold = null;
    },
    holdRows: () => {
      const held: Deferred[] = [];
      holdRows = held;
      return held;
    },
  };
}

/** Loads `count` pages, as scrolling down does. */
async function scroll(observer: InfiniteQueryObserver<PostPage, Error, PostPages, readonly unknown[], PageCursor>, count: number): Promise<void> {
  await observer.refetch();
  for (let n = 1; n < count; n++) await observer.fetchNextPage();
}

describe('the loaded post list after an event naming a post', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Well after any keystroke noted by an earlier test (invalidateSoon holds its batch while typing).
    clockAfterEarlierKeystrokes();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks core for the post named once per batch, and reads no page again, with 1 page loaded or 8', async () => {
    for (const pagesLoaded of [1, 8]) {
      const core = new Core(posts(60));
      const t = setup(core);
      await scroll(t.observer as never, pagesLoaded);
      expect(t.data().pages).toHaveLength(pagesLoaded);
      t.resetReads();
      // Three autosaves of a post far down, and a sign-off change: one batch.
      for (let n = 1; n <= 3; n++) {
        core.save(idOf(30), { updatedAt: T0 + n * 3_600_000 });
        t.refresher.soon(t.queryClient, idOf(30));
      }
      t.refresher.soon(t.queryClient, idOf(59));
      await vi.advanceTimersByTimeAsync(200);
      expect(t.reads()).toEqual({ pages: 0, rows: 1 });
      expect(loadedIds(t.data())[0]).toBe(idOf(30));
      expect(readOn(core, t.data(), LIMIT)).toEqual(core.everything());
      // What it replaces: every loaded page read again.
      t.resetReads();
      await t.queryClient.invalidateQueries({ queryKey: ['posts', 'list'] });
      expect(t.reads()).toEqual({ pages: pagesLoaded, rows: 0 });
      t.stop();
    }
  });

  it('waits for a page read in flight before patching, so the patch is not lost and the post not doubled', async () => {
    const core = new Core(posts(30));
    const t = setup(core);
    await scroll(t.observer as never, 2);
    // The user scrolls: the third page is read from core as it stands, before the save…
    const held = t.holdPages();
    const reading = t.observer.fetchNextPage();
    await vi.advanceTimersByTimeAsync(0);
    expect(held).toHaveLength(1);
    // …and post 18 (on that third page) is saved meanwhile: it moves to the top.
    core.save(idOf(18), { updatedAt: T0 + 3_600_000 });
    t.refresher.soon(t.queryClient, idOf(18));
    await vi.advanceTimersByTimeAsync(200);
    expect(t.reads().rows).toBe(1);
    expect(loadedIds(t.data())).not.toContain(idOf(18));
    // The page lands, with the post where it was before the save; then the patch.
    t.releasePages();
    held.forEach((one) => one.resolve());
    await reading;
    await vi.advanceTimersByTimeAsync(0);
    const ids = loadedIds(t.data());
    expect(ids[0]).toBe(idOf(18));
    expect(ids.filter((id) => id === idOf(18))).toHaveLength(1);
    expect(readOn(core, t.data(), LIMIT)).toEqual(core.everything());
    t.stop();
  });

  it('refetches the rest of ["posts"] (the open post) but not the calendar, and only marks a list nothing shows', async () => {
    const core = new Core(posts(12));
    const t = setup(core);
    await scroll(t.observer as never, 2);
    const shown = t.queryClient.getQueryCache().find({ queryKey: postListKey(ALL), exact: true });
    let detailReads = 0;
    const detail = new InfiniteQueryObserver(t.queryClient, {
      queryKey: ['posts', 'detail', idOf(3)],
      queryFn: () => {
        detailReads++;
        return Promise.resolve(post(3, T0));
      },
      initialPageParam: 0,
      getNextPageParam: () => undefined,
    });
    const stopDetail = detail.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    // Another filter's list, read earlier, no longer shown.
    const drafts: PostListFilter = { partnerId: null, query: '', status: 'draft' };
    t.queryClient.setQueryData(postListKey(drafts), { pages: [core.page(null, LIMIT)], pageParams: [null] });
    t.queryClient.setQueryData(['calendar', 'range', 0, 1, {}], []);
    detailReads = 0;
    t.resetReads();

    core.save(idOf(3), { updatedAt: T0 + 3_600_000 });
    t.refresher.soon(t.queryClient, idOf(3));
    await vi.advanceTimersByTimeAsync(200);
    expect(detailReads).toBe(1);
    expect(t.reads()).toEqual({ pages: 0, rows: 1 });
    expect(shown?.state.isInvalidated).toBe(false);
    expect(t.queryClient.getQueryState(postListKey(drafts))?.isInvalidated).toBe(true);
    expect(t.queryClient.getQueryState(['calendar', 'range', 0, 1, {}])?.isInvalidated).toBe(false);
    stopDetail();
    t.stop();
  });

  it('leaves it to a full re-read when everything is read again (events missed), and drops an answer it overtook', async () => {
    const core = new Core(posts(20));
    const t = setup(core);
    await scroll(t.observer as never, 2);
    t.resetReads();
    core.save(idOf(4), { updatedAt: T0 + 3_600_000 });
    t.refresher.soon(t.queryClient, idOf(4));
    invalidateAllSoon(t.queryClient);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.reads()).toEqual({ pages: 2, rows: 0 });
    expect(loadedIds(t.data())[0]).toBe(idOf(4));

    // An answer on its way when everything is read again: the re-read is newer, the answer is dropped.
    const held = t.holdRows();
    core.save(idOf(9), { updatedAt: T0 + 7_200_000, title: 'Premier jet' });
    t.refresher.soon(t.queryClient, idOf(9));
    await vi.advanceTimersByTimeAsync(200);
    expect(held).toHaveLength(1);
    core.save(idOf(9), { updatedAt: T0 + 7_300_000, title: 'Version finale' });
    t.refresher.soon(t.queryClient, idOf(9));
    invalidateAllSoon(t.queryClient);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.data().pages[0]?.items[0]?.title).toBe('Version finale');
    held.forEach((one) => one.resolve());
    await vi.advanceTimersByTimeAsync(0);
    expect(t.data().pages[0]?.items[0]?.title).toBe('Version finale');
    expect(readOn(core, t.data(), LIMIT)).toEqual(core.everything());
    t.stop();
  });

  it('patches at once for a change made here that the page waits on (a new post)', async () => {
    const core = new Core(posts(40));
    const t = setup(core);
    await scroll(t.observer as never, 3);
    t.resetReads();
    const created = post(99, T0 + 3_600_000);
    core.posts.set(created.id, created);
    await t.refresher.now(t.queryClient, [created.id]);
    expect(t.reads()).toEqual({ pages: 0, rows: 1 });
    expect(loadedIds(t.data())[0]).toBe(created.id);
    expect(t.data().pages[0]?.total).toBe(41);
    t.stop();
  });
});
