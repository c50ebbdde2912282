import { useSyncExternalStore } from 'react';
import type { PostStatus } from '../../../shared/posts/schema';

/** One timer for every label that depends on the time, however many posts are on screen. */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
// A few seconds: the check is a comparison per label, and the label flips soon after the post's time.
const EVERY_MS = 5_000;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const notify of listeners) notify();
  }, EVERY_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * A scheduled post whose time has passed is being sent (or retried), not « Programmée »: true
 * then. Re-renders only when that answer changes.
 */
export function useOverdue(status: PostStatus, scheduledAt: number | null): boolean {
  return useSyncExternalStore(subscribe, () => status === 'scheduled' && scheduledAt !== null && scheduledAt <= Date.now());
}

/** The key of a post's status label, once `useOverdue` said whether its time has passed. */
export const statusLabelKey = (status: PostStatus, overdue: boolean): string => (overdue ? 'publishing.overdue' : `posts.status.${status}`);
