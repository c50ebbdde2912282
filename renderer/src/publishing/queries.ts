import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const publishingKeys = {
  all: ['publishing'] as const,
  status: (postId: string) => ['publishing', 'status', postId] as const,
  queue: ['publishing', 'queue'] as const,
};

export const usePublication = (postId: string) =>
  useQuery({ queryKey: publishingKeys.status(postId), queryFn: () => api.call('publishing.status', { postId }) });

export const usePublicationQueue = () => useQuery({ queryKey: publishingKeys.queue, queryFn: () => api.call('publishing.queue', {}) });

/** Core's events about posts, the outbox and connectivity keep publication views fresh. */
export function usePublishingEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        switch (event.type) {
          case 'signoff.changed':
          case 'post.saved':
          case 'post.scheduled':
            invalidateSoon(queryClient, publishingKeys.status(event.postId));
            invalidateSoon(queryClient, publishingKeys.queue);
            break;
          case 'outbox.changed':
          case 'connectivity.changed':
          case 'accounts.changed':
            invalidateSoon(queryClient, publishingKeys.all);
            break;
        }
      }),
    [queryClient],
  );
}

/**
 * Tells core whether this machine is online (the browser's own online/offline events), so the
 * outbox pauses while offline and resumes, in order, when the network is back.
 */
export function useConnectivityReport(): void {
  useEffect(() => {
    const report = () => void api.call('outbox.setOnline', { online: navigator.onLine }).catch(() => undefined);
    report();
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, []);
}
