import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

export const snippetKeys = {
  all: ['snippets'] as const,
  /** One owner's (null: the firm's); `withFirm`: what the editor offers for a partner. */
  owner: (partnerId: string | null, withFirm = false) => ['snippets', partnerId, withFirm] as const,
};

export const useSnippets = (partnerId: string | null, withFirm = false) =>
  useQuery({ queryKey: snippetKeys.owner(partnerId, withFirm), queryFn: () => api.call('snippets.list', { partnerId, includeFirm: withFirm }) });
