import { useEffect } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const voiceKeys = {
  all: ['voice'] as const,
  score: (partnerId: string, text: string) => ['voice', 'score', partnerId, text] as const,
};

/** Whom the draft reads like; `text` is the editor's debounced text, so typing never waits on it. */
export const useVoiceScore = (partnerId: string, text: string | null) =>
  useQuery({
    queryKey: voiceKeys.score(partnerId, text ?? ''),
    queryFn: () => api.call('voice.score', { partnerId, text: text ?? '' }),
    enabled: text !== null,
    // While typing, the last answer stays on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

/** A post signed off, published or reopened anywhere changes the profiles: the line is read again. */
export function useVoiceEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'signoff.changed' || event.type === 'post.deleted' || event.type === 'partners.changed') {
          invalidateSoon(queryClient, voiceKeys.all);
        }
      }),
    [queryClient],
  );
}
