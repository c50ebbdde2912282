import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { AppEvent } from '../../../shared/api/contract';
import { api } from '../api';
import { useCancelWhenOff } from '../api/useCancelWhenOff';
import { invalidateSoon } from '../api/invalidateSoon';
import { useDebouncedValue } from '../ui/useDebouncedValue';

export const similarityKeys = {
  all: ['similarity'] as const,
  check: (postId: string, text: string | null) => ['similarity', 'check', postId, text] as const,
  compare: (postId: string, otherPostId: string, text: string | null) => ['similarity', 'compare', postId, otherPostId, text] as const,
  pairs: (from: number, to: number) => ['similarity', 'pairs', from, to] as const,
};

/** Other partners' posts close to this text (the editor's, or the stored one when `text` is null). */
export const useSimilarityCheck = (postId: string, text: string | null) =>
  useQuery({
    queryKey: similarityKeys.check(postId, text),
    queryFn: () => api.call('similarity.check', { postId, ...(text === null ? {} : { text }) }),
    // While typing, the last answer stays on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

export const useSimilarityCompare = (postId: string, otherPostId: string, text: string | null) =>
  useQuery({
    queryKey: similarityKeys.compare(postId, otherPostId, text),
    queryFn: () => api.call('similarity.compare', { postId, otherPostId, ...(text === null ? {} : { text }) }),
  });

/**
 * How long a calendar range stays on screen before its near-duplicate pairs are asked for: paging
 * through weeks must not start a search per page (core keeps each post's finding, but a range
 * never shown costs up to a second of its time for a busy week).
 */
const PAIRS_SETTLE_MS = 400;

export function useSimilarityPairs(from: number, to: number, wanted = true) {
  const range = `${from}/${to}`;
  const settled = useDebouncedValue(range, PAIRS_SETTLE_MS);
  const enabled = wanted && settled === range;
  useCancelWhenOff(similarityKeys.pairs(from, to), wanted);
  return useQuery({
    queryKey: similarityKeys.pairs(from, to),
    queryFn: ({ signal }) => {
      // React Query aborts the signal when the range is left before the answer: core stops the
      // search at its next slice instead of making the next view's reads wait behind it.
      const ticket = crypto.randomUUID();
      signal.addEventListener('abort', () => void api.call('similarity.cancelPairs', { ticket }).catch(() => undefined), { once: true });
      return api.call('similarity.pairs', { from, to, ticket });
    },
    enabled,
  });
}

export function useDismissSimilarity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { postId: string; otherPostId: string }) => api.call('similarity.dismiss', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: similarityKeys.all }),
  });
}

/**
 * Any post saved or deleted anywhere may change what is close to what. `handledHere` names the
 * events the caller has already answered (a move made in this window refreshes the shown pairs
 * itself, at once): the others are refetched with the next batch. Keep it stable (useCallback).
 */
export function useSimilarityEvents(handledHere?: (event: AppEvent) => boolean): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'post.saved' || event.type === 'post.deleted' || event.type === 'post.scheduled' || event.type === 'editorial.changed') {
          if (handledHere?.(event)) return;
          invalidateSoon(queryClient, similarityKeys.all);
        }
      }),
    [queryClient, handledHere],
  );
}

/** The shown pairs read again now (marked stale elsewhere): after a move made in this window. */
export const refreshPairs = (queryClient: QueryClient): Promise<void> => queryClient.invalidateQueries({ queryKey: similarityKeys.all });
