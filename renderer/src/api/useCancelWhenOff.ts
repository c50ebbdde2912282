import { useEffect } from 'react';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';

/**
 * Stops the read of `queryKey` under way once it is switched off (`enabled` false): its view is
 * being left, and what is still asked for it in core would make the next view's reads queue
 * behind it. The abort reaches core through the call's signal. A switched-off query keeps its
 * observer, so React Query would otherwise let the read run to its end.
 */
export function useCancelWhenOff(queryKey: QueryKey, enabled: boolean): void {
  const queryClient = useQueryClient();
  // Compared by content: callers build the key at each render.
  const hash = hashKey(queryKey);
  useEffect(() => {
    if (enabled) return;
    void queryClient.cancelQueries({ queryKey: JSON.parse(hash) as QueryKey, exact: true });
  }, [queryClient, hash, enabled]);
}
