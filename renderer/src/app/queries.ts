import { useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { invalidateAllSoon, invalidateSoon } from '../api/invalidateSoon';
import { api } from '../api';
import { cacheShowsSchedule } from '../calendar/cache';

export const keys = {
  workspace: ['workspace'] as const,
  settings: ['settings'] as const,
  partners: (includeArchived: boolean) => ['partners', { includeArchived }] as const,
  posts: ['posts'] as const,
  postList: (partnerId: string | null, query: string) => ['posts', 'list', { partnerId, query }] as const,
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
export const postListQuery = (partnerId: string | null, query = '') => ({
  queryKey: keys.postList(partnerId, query),
  queryFn: () => api.call('posts.list', { ...(partnerId ? { partnerId } : {}), ...(query ? { query } : {}), limit: 500 }),
});
export const postDetailQuery = (postId: string) => ({
  queryKey: keys.postDetail(postId),
  queryFn: () => api.call('posts.get', { id: postId }),
});

export const useWorkspace = () => useQuery(workspaceQuery);

export const usePartners = (includeArchived = false) => useQuery(partnersQuery(includeArchived));

export const usePostList = (partnerId: string | null, query = '') => useQuery(postListQuery(partnerId, query));

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
        invalidateSoon(queryClient, keys.posts);
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
