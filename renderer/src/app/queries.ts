import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { cacheShowsSchedule } from '../calendar/cache';

export const keys = {
  workspace: ['workspace'] as const,
  settings: ['settings'] as const,
  partners: (includeArchived: boolean) => ['partners', { includeArchived }] as const,
  posts: ['posts'] as const,
  postList: (partnerId: string | null, query: string) => ['posts', 'list', { partnerId, query }] as const,
  // Outside ['posts']: a post.saved event must not refetch every loaded page of the history.
  revisions: (postId: string) => ['revisions', postId] as const,
  revision: (id: number) => ['revision', id] as const,
  calendar: ['calendar'] as const,
};

export const useWorkspace = () => useQuery({ queryKey: keys.workspace, queryFn: () => api.call('workspace.state', {}) });

export const usePartners = (includeArchived = false) =>
  useQuery({ queryKey: keys.partners(includeArchived), queryFn: () => api.call('partners.list', { includeArchived }) });

export const usePostList = (partnerId: string | null, query = '') =>
  useQuery({
    queryKey: keys.postList(partnerId, query),
    queryFn: () =>
      api.call('posts.list', { ...(partnerId ? { partnerId } : {}), ...(query ? { query } : {}), limit: 500 }),
  });

/** Core's events keep every open window's caches fresh (another tab saved, example data removed…). */
export function useCoreEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        switch (event.type) {
          // Sign-off and publication change a post's status (approved, scheduled, published, held…).
          case 'post.saved':
          case 'post.deleted':
          case 'signoff.changed':
            void queryClient.invalidateQueries({ queryKey: keys.posts });
            void queryClient.invalidateQueries({ queryKey: keys.calendar });
            break;
          case 'post.scheduled':
            // A move made here is already in the cache (the calendar updates the moved entry
            // only); one made elsewhere is read again.
            if (!cacheShowsSchedule(queryClient, event.postId, event.scheduledAt)) void queryClient.invalidateQueries({ queryKey: keys.calendar });
            break;
          case 'partners.changed':
            void queryClient.invalidateQueries({ queryKey: ['partners'] });
            void queryClient.invalidateQueries({ queryKey: keys.workspace });
            break;
          case 'workspace.changed':
          case 'events.resync':
            void queryClient.invalidateQueries();
            break;
        }
      }),
    [queryClient],
  );
}
