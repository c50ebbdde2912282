import { useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LintContextInput } from '../../../shared/editorial/findingSchema';
import { api } from '../api';
import { keys } from '../app/queries';
import { invalidateSoon } from '../api/invalidateSoon';

export type MastodonCountOptions = Pick<LintContextInput, 'mastodonMaxCharacters' | 'mastodonCharactersReservedPerUrl'>;

const NONE: MastodonCountOptions = {};

/** The workspace settings, fresh when core changes them (an instance read, another window's save). */
export function useSettings() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'settings.changed') invalidateSoon(queryClient, keys.settings);
      }),
    [queryClient],
  );
  return useQuery({ queryKey: keys.settings, queryFn: () => api.call('settings.get', {}) });
}

/** The instance's Mastodon figures for the lint and the counters; Mastodon's defaults until settings load. */
export function useMastodonCountOptions(): MastodonCountOptions {
  const mastodon = useSettings().data?.mastodon;
  const max = mastodon?.maxCharacters;
  const perUrl = mastodon?.charactersReservedPerUrl;
  return useMemo(
    () => (max === undefined || perUrl === undefined ? NONE : { mastodonMaxCharacters: max, mastodonCharactersReservedPerUrl: perUrl }),
    [max, perUrl],
  );
}
