import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

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

export const useSimilarityPairs = (from: number, to: number) =>
  useQuery({ queryKey: similarityKeys.pairs(from, to), queryFn: () => api.call('similarity.pairs', { from, to }) });

export function useDismissSimilarity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { postId: string; otherPostId: string }) => api.call('similarity.dismiss', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: similarityKeys.all }),
  });
}

/** Any post saved or deleted anywhere may change what is close to what. */
export function useSimilarityEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'post.saved' || event.type === 'post.deleted' || event.type === 'post.scheduled' || event.type === 'editorial.changed') {
          invalidateSoon(queryClient, similarityKeys.all);
        }
      }),
    [queryClient],
  );
}
