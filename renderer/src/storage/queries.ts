import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const storageKeys = {
  health: ['storage', 'health'] as const,
  backups: ['storage', 'backups'] as const,
};

/** The workspace file's health (also read ahead at boot, renderer/src/app/prefetch.ts). */
export const workspaceHealthQuery = { queryKey: storageKeys.health, queryFn: () => api.call('workspace.health', {}) };

/** The workspace file's health, refreshed whenever core says it changed (damage found, restore). */
export function useWorkspaceHealth() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'workspace.health') invalidateSoon(queryClient, ['storage']);
      }),
    [queryClient],
  );
  return useQuery(workspaceHealthQuery);
}

export const useBackups = () => useQuery({ queryKey: storageKeys.backups, queryFn: () => api.call('backups.list', {}) });

/** Restores a backup; every cached read is stale afterwards. */
export function useRestore() {
  const queryClient = useQueryClient();
  return async (name: string) => {
    await api.call('backups.restore', { name });
    await queryClient.invalidateQueries();
  };
}
