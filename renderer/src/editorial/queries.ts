import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const editorialKeys = {
  all: ['editorial'] as const,
  firm: ['editorial', 'firm'] as const,
  partner: (partnerId: string) => ['editorial', 'partner', partnerId] as const,
  versions: (partnerId: string | null) => ['editorial', 'versions', partnerId] as const,
};

export const useFirmLine = () => useQuery({ queryKey: editorialKeys.firm, queryFn: () => api.call('editorial.firmLine', {}) });

export const usePartnerLine = (partnerId: string | null) =>
  useQuery({
    queryKey: editorialKeys.partner(partnerId ?? ''),
    queryFn: () => api.call('editorial.partnerLine', { partnerId: partnerId ?? '' }),
    enabled: partnerId !== null,
  });

export const useLineVersions = (partnerId: string | null) =>
  useQuery({ queryKey: editorialKeys.versions(partnerId), queryFn: () => api.call('editorial.versions', { partnerId }) });

/** Another window (or tab) saved a line: every editorial query is refreshed. */
export function useEditorialEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'editorial.changed' || event.type === 'workspace.changed') invalidateSoon(queryClient, editorialKeys.all);
      }),
    [queryClient],
  );
}
