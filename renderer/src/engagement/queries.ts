import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const engagementKeys = {
  all: ['engagement'] as const,
  post: (postId: string) => ['engagement', 'post', postId] as const,
};

export const usePostEngagement = (postId: string) =>
  useQuery({ queryKey: engagementKeys.post(postId), queryFn: () => api.call('engagement.forPost', { postId }) });

/** New readings, and a publication going live, refresh the post's figures. */
export function useEngagementEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'engagement.changed' || event.type === 'signoff.changed') {
          invalidateSoon(queryClient, engagementKeys.post(event.postId));
        } else if (event.type === 'events.resync') {
          invalidateSoon(queryClient, engagementKeys.all);
        }
      }),
    [queryClient],
  );
}
