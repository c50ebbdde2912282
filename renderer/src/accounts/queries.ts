import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { invalidateSoon } from '../api/invalidateSoon';

export const accountKeys = {
  all: ['accounts'] as const,
  list: ['accounts', 'list'] as const,
  apps: ['accounts', 'apps'] as const,
  mail: ['accounts', 'mail'] as const,
  keychain: ['accounts', 'keychain'] as const,
  avatar: (id: string, url: string) => ['accounts', 'avatar', id, url] as const,
};

/** Every partner's accounts in one query: the partner list and each partner's page share it. */
export const useAccounts = () => useQuery({ queryKey: accountKeys.list, queryFn: () => api.call('accounts.list', {}) });

export const useOAuthApps = () => useQuery({ queryKey: accountKeys.apps, queryFn: () => api.call('accounts.apps.list', {}) });

export const useMailAccount = () => useQuery({ queryKey: accountKeys.mail, queryFn: () => api.call('mail.get', {}) });

/** Probing may wait for an unlock prompt: asked once a minute at most, and after each failure. */
export const useKeychain = (enabled = true) =>
  useQuery({ queryKey: accountKeys.keychain, queryFn: () => api.call('accounts.keychain', {}), staleTime: 60_000, retry: false, enabled });

/** The picture fetched by core for this URL; a new avatar URL (after a test) is a new query. */
export const useAvatar = (id: string, url: string | null) =>
  useQuery({
    queryKey: accountKeys.avatar(id, url ?? ''),
    queryFn: () => api.call('accounts.avatar', { id }),
    enabled: url !== null,
    staleTime: Infinity,
    retry: false,
  });

/** Core says accounts, apps or the mail account changed (here or in another window). */
export function useAccountEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type !== 'accounts.changed') return;
        invalidateSoon(queryClient, accountKeys.list);
        invalidateSoon(queryClient, accountKeys.apps);
        invalidateSoon(queryClient, accountKeys.mail);
      }),
    [queryClient],
  );
}

/** The credential code a failed call carries (`details.credentialCode`), if any. */
export function credentialCode(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const code = error.details?.credentialCode;
  return typeof code === 'string' ? code : null;
}

/** A call that needed the keychain worked: it is available. */
export function keychainWorked(queryClient: QueryClient): void {
  queryClient.setQueryData(accountKeys.keychain, { available: true });
}

/** A call failed because the keychain is locked or absent: say so everywhere at once. */
export function keychainFailed(queryClient: QueryClient, error: unknown): void {
  if (credentialCode(error) === 'keychain_unavailable') queryClient.setQueryData(accountKeys.keychain, { available: false });
}
