import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const previewKeys = { post: (postId: string) => ['previews', postId] as const };

export const usePreviews = (postId: string) => useQuery({ queryKey: previewKeys.post(postId), queryFn: () => api.call('previews.forPost', { postId }) });

/** A save, a sign-off change or new images change what the networks will show. */
export function usePreviewEvents(postId: string): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if ('postId' in event && event.postId !== postId) return;
        if (event.type === 'post.saved' || event.type === 'signoff.changed' || event.type === 'settings.changed' || event.type === 'accounts.changed') {
          invalidateSoon(queryClient, previewKeys.post(postId));
        }
      }),
    [queryClient, postId],
  );
}
