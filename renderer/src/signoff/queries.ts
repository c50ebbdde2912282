import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const signoffKeys = {
  all: ['signoff'] as const,
  post: (postId: string) => ['signoff', postId] as const,
  status: (postId: string) => ['signoff', postId, 'status'] as const,
  history: (postId: string) => ['signoff', postId, 'history'] as const,
  comments: (postId: string) => ['signoff', postId, 'comments'] as const,
  diff: (postId: string) => ['signoff', postId, 'diff'] as const,
};

export const useSignoffStatus = (postId: string) =>
  useQuery({ queryKey: signoffKeys.status(postId), queryFn: () => api.call('signoff.status', { postId }) });
export const useSignoffHistory = (postId: string) =>
  useQuery({ queryKey: signoffKeys.history(postId), queryFn: () => api.call('signoff.history', { postId }) });
export const useSignoffComments = (postId: string) =>
  useQuery({ queryKey: signoffKeys.comments(postId), queryFn: () => api.call('signoff.comments', { postId }) });
export const useSignoffDiff = (postId: string) =>
  useQuery({ queryKey: signoffKeys.diff(postId), queryFn: () => api.call('signoff.diff', { postId }) });

/**
 * Core's events keep a post's sign-off fresh: a decision, a reply read from the inbox, an
 * email sent, or a save (which may void an approval and changes the diff).
 */
export function useSignoffEvents(postId: string): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if ((event.type === 'signoff.changed' || event.type === 'post.saved') && event.postId === postId) {
          invalidateSoon(queryClient, signoffKeys.post(postId));
        } else if (event.type === 'outbox.changed') {
          invalidateSoon(queryClient, signoffKeys.status(postId));
        }
      }),
    [postId, queryClient],
  );
}
