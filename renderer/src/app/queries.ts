import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { invalidateAllSoon, invalidateSoon } from '../api/invalidateSoon';
import { api } from '../api';
import { cacheShowsSchedule } from '../calendar/cache';
import { isPostPages, listInput, postListKey, sharePostPages } from '../posts/listPatch';
import type { PageCursor, PostListFilter } from '../posts/listPatch';
import { postListRefresher } from '../posts/listRefresh';

export const keys = {
  workspace: ['workspace'] as const,
  settings: ['settings'] as const,
  partners: (includeArchived: boolean) => ['partners', { includeArchived }] as const,
  posts: ['posts'] as const,
  postList: postListKey,
  postDetail: (postId: string | null) => ['posts', 'detail', postId] as const,
  // Outside ['posts']: a post.saved event must not refetch every loaded page of the history.
  revisions: (postId: string) => ['revisions', postId] as const,
  revision: (id: number) => ['revision', id] as const,
  calendar: ['calendar'] as const,
};

/** Query options shared by the hooks and the boot prefetch (renderer/src/app/prefetch.ts). */
export const workspaceQuery = { queryKey: keys.workspace, queryFn: () => api.call('workspace.state', {}) };
export const partnersQuery = (includeArchived: boolean) => ({
  queryKey: keys.partners(includeArchived),
  queryFn: () => api.call('partners.list', { includeArchived }),
});
export { ALL_POSTS } from '../posts/listPatch';
export type { PostListFilter } from '../posts/listPatch';
/** Rows read at a time: the list reads the next page as its end scrolls into view. */
export const POST_PAGE_SIZE = 200;
/** The post list page by page, each page saying how many posts match in all (`posts.page`). */
export const postListQuery = (filter: PostListFilter) =>
  infiniteQueryOptions({
    queryKey: keys.postList(filter),
    queryFn: ({ pageParam, signal }) => api.call('posts.page', { ...listInput(filter), ...(pageParam ? { after: pageParam } : {}), limit: POST_PAGE_SIZE }, { signal }),
    initialPageParam: null as PageCursor,
    getNextPageParam: (last): PageCursor | undefined => last.next ?? undefined,
    // Rows kept by post, not by index: a saved post moving to the top leaves the rows below it as they were.
    structuralSharing: (previous, next) => (isPostPages(next) ? sharePostPages(isPostPages(previous) ? previous : undefined, next) : next),
  });
/** Patches the loaded post lists after a change to some posts, instead of reading every loaded page again (posts/listRefresh.ts). */
export const postLists = postListRefresher((input) => api.call('posts.rows', input));
export const postDetailQuery = (postId: string) => ({
  queryKey: keys.postDetail(postId),
  queryFn: () => api.call('posts.get', { id: postId }),
});

export const useWorkspace = () => useQuery(workspaceQuery);

export const usePartners = (includeArchived = false) => useQuery(partnersQuery(includeArchived));

/** Another filter's rows stay on screen, marked as placeholder, until the new filter's first page comes. */
export const usePostList = (filter: PostListFilter) => useInfiniteQuery({ ...postListQuery(filter), placeholderData: keepPreviousData });

/**
 * Core's events keep every open window's caches fresh (another tab saved, example data
 * removed…). Subscribed at boot, before anything else opens the event stream: a reader that
 * subscribed later would miss what core announced between the stream's opening and its own
 * subscription (a partner created while the page loaded left the welcome screen up).
 */
export function followCoreEvents(queryClient: QueryClient): () => void {
  return api.subscribe((event) => {
    switch (event.type) {
      // Sign-off and publication change a post's status (approved, scheduled, published, held…).
      case 'post.saved':
      case 'post.deleted':
      case 'signoff.changed':
        // The loaded list is patched for this post, not read again page by page; the rest of ['posts'] is refetched.
        postLists.soon(queryClient, event.postId);
        invalidateSoon(queryClient, keys.calendar);
        break;
      case 'post.scheduled':
        // A move made here is already in the cache (the calendar updates the moved entry
        // only); one made elsewhere is read again.
        if (!cacheShowsSchedule(queryClient, event.postId, event.scheduledAt)) invalidateSoon(queryClient, keys.calendar);
        break;
      case 'partners.changed':
        invalidateSoon(queryClient, ['partners']);
        invalidateSoon(queryClient, keys.workspace);
        break;
      case 'workspace.changed':
      case 'events.resync':
        invalidateAllSoon(queryClient);
        break;
    }
  });
}
