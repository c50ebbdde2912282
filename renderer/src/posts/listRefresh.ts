import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { runSoon } from '../api/invalidateSoon';
import { POST_ROWS_MAX } from '../../../shared/posts/schema';
import type { PostRows, PostRowsInput } from '../../../shared/posts/schema';
import { isPostPages, listInput, patchPostPages, POST_LISTS, PostListFilter } from './listPatch';

/**
 * Keeps the Posts page's loaded list fresh after events naming a post (post.saved, post.deleted,
 * signoff.changed) at a cost that does not grow with the pages loaded.
 *
 * Invalidating the list made React Query read every loaded page again, in turn: ~20 ms of core
 * per page of 200 on an agency's 100,000 posts, so ~0.2 s per event for someone ten pages down,
 * and events come often (autosaves in other windows, publication rounds, sign-off). Instead, core
 * is asked for the named posts' rows under each shown list's filter, with the filter's count
 * (`posts.rows`: a lookup by key and one count), and the loaded pages are patched with them
 * (listPatch.ts): a post leaves its old row and comes back at its place if the filter holds it
 * and that place is loaded; a deleted one just leaves. The rest of ['posts'] (the open post…) is
 * refetched as before. Where a patch could not be exact, the list is read again as before: a list
 * nothing shows (it refetches when shown again), one without pages yet, more posts at once than
 * `posts.rows` takes, a failed answer, a list already marked stale; `events.resync` and
 * `workspace.changed` read everything again (invalidateAllSoon).
 *
 * Exactness:
 * - The answer is applied once the list has no read in flight: an infinite query's read writes
 *   the pages it started from plus its own, so a patch made during it would be lost, and a read
 *   begun before the event may carry the post's old row. Applied after, the patch sets the post's
 *   row whatever that read brought.
 * - One refresh at a time per cache, in the order the events came: an older answer never lands
 *   over a newer one. Events arriving meanwhile are asked about next.
 * - An answer that a full re-read overtook (everything invalidated) is dropped.
 */

/** Core's answer for some posts under a list's filter (`posts.rows`). */
export type AskRows = (input: PostRowsInput) => Promise<PostRows>;

interface Refresh {
  /** Posts named since the last refresh went out. */
  ids: Set<string>;
  /** The refresh under way, if any. */
  running: Promise<void> | null;
  /** How many times a refresh was asked for: one asked for while another was under way goes on after it. */
  asked: number;
  /** Moves on when everything is read again, which outdates any answer on its way. */
  generation: number;
}

const isList = (key: QueryKey): boolean => key[0] === POST_LISTS[0] && key[1] === POST_LISTS[1];

/** Refetches what is under ['posts'] but the lists (the open post…): what an event naming a post refetched besides them. */
export const invalidatePostsButLists = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: [POST_LISTS[0]], predicate: (query) => !isList(query.queryKey) });

/** The query's next moment without a read in flight (or its removal from the cache). */
function settled(queryClient: QueryClient, query: Query): Promise<void> {
  if (query.state.fetchStatus === 'idle') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = queryClient.getQueryCache().subscribe((event) => {
      if (event.query !== query || (event.type !== 'removed' && query.state.fetchStatus !== 'idle')) return;
      stop();
      resolve();
    });
  });
}

export interface PostListRefresher {
  /** With the next batch of event-driven refetches (renderer/src/api/invalidateSoon.ts): the lists patched, the rest of ['posts'] refetched. */
  soon(queryClient: QueryClient, postId: string): void;
  /** At once, for a change made here that the page waits on (a new post, a deletion): resolves once every shown list holds it. */
  now(queryClient: QueryClient, postIds: readonly string[]): Promise<void>;
}

export function postListRefresher(ask: AskRows): PostListRefresher {
  const refreshes = new WeakMap<QueryClient, Refresh>();
  const refreshOf = (queryClient: QueryClient): Refresh => {
    let refresh = refreshes.get(queryClient);
    if (!refresh) refreshes.set(queryClient, (refresh = { ids: new Set(), running: null, asked: 0, generation: 0 }));
    return refresh;
  };
  const reread = (queryClient: QueryClient, query: Query) => queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });

  async function refreshList(queryClient: QueryClient, refresh: Refresh, query: Query, ids: readonly string[]): Promise<void> {
    const filter = PostListFilter.safeParse(query.queryKey[2]);
    // Not shown: marked stale, read again if shown again. No pages yet: its first read is the cheap one.
    if (!filter.success || !query.isActive() || !isPostPages(query.state.data) || query.state.isInvalidated || ids.length > POST_ROWS_MAX) {
      await reread(queryClient, query);
      return;
    }
    const generation = refresh.generation;
    let answer: PostRows;
    try {
      answer = await ask({ ...listInput(filter.data), ids: [...ids] });
    } catch {
      await reread(queryClient, query);
      return;
    }
    await settled(queryClient, query);
    if (refresh.generation !== generation || queryClient.getQueryCache().get(query.queryHash) !== query) return;
    // Read again after the wait: a read may have brought new pages or marked the list stale meanwhile.
    const state = query.state;
    const data = state.data;
    const patched = isPostPages(data) && !state.isInvalidated ? patchPostPages(data, ids, answer) : null;
    if (patched === null) await reread(queryClient, query);
    else if (patched !== data) queryClient.setQueryData(query.queryKey, patched);
  }

  function run(queryClient: QueryClient, refresh: Refresh): Promise<void> {
    refresh.asked++;
    if (refresh.running) return refresh.running;
    const running = (async () => {
      // Goes on once `refresh.running` is set; its end and the check that nothing more was asked are one step.
      await Promise.resolve();
      try {
        for (let done = 0; done !== refresh.asked; ) {
          done = refresh.asked;
          const ids = [...refresh.ids];
          refresh.ids.clear();
          if (ids.length === 0) continue;
          const lists = queryClient.getQueryCache().findAll({ queryKey: POST_LISTS });
          await Promise.all(lists.map((query) => refreshList(queryClient, refresh, query, ids)));
        }
      } finally {
        refresh.running = null;
      }
    })();
    refresh.running = running;
    return running;
  }

  return {
    soon(queryClient, postId) {
      const refresh = refreshOf(queryClient);
      refresh.ids.add(postId);
      runSoon(queryClient, 'posts', {
        run: () => {
          void invalidatePostsButLists(queryClient);
          void run(queryClient, refresh);
        },
        drop: () => {
          refresh.ids.clear();
          refresh.generation++;
        },
      });
    },
    async now(queryClient, postIds) {
      const refresh = refreshOf(queryClient);
      for (const id of postIds) refresh.ids.add(id);
      await run(queryClient, refresh);
    },
  };
}
