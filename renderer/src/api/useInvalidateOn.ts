import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { AppEvent } from '../../../shared/api/contract';
import { api } from './index';
import { invalidateSoon } from './invalidateSoon';

/** Refetches `queryKey` whenever core announces one of these events (the list stays live without polling). */
export function useInvalidateOn(queryKey: QueryKey, types: readonly AppEvent['type'][]): void {
  const queryClient = useQueryClient();
  // The key and the list are compared by content: callers pass literals re-created at each render.
  const key = JSON.stringify(queryKey);
  const watched = types.join(' ');
  useEffect(
    () =>
      api.subscribe((event) => {
        if (watched.split(' ').includes(event.type)) invalidateSoon(queryClient, JSON.parse(key) as QueryKey);
      }),
    [queryClient, key, watched],
  );
}
