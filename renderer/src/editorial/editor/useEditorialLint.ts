import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { api } from '../../api';
import type { Network } from '../../../../shared/posts/networks';
import { refreshLint } from '../../editor/lint/lintPlugin';
import type { LintSession } from '../../editor/lint/lintSession';
import { useMastodonCountOptions } from '../../settings/useMastodonCounts';
import { invalidateSoon } from '../../api/invalidateSoon';

export const resolvedLineKey = (partnerId: string) => ['editorial', 'resolved', partnerId] as const;

/**
 * Feeds the editor's lint with the post's partner's resolved line and the post's target
 * networks, and lints again whenever either changes (a line saved in another window, the
 * partner or the networks switched in this one).
 */
export function useEditorialLint(editor: Editor, session: LintSession, partnerId: string, networks: readonly Network[]) {
  const queryClient = useQueryClient();
  const resolved = useQuery({ queryKey: resolvedLineKey(partnerId), queryFn: () => api.call('editorial.resolved', { partnerId }) });

  useEffect(
    () =>
      api.subscribe((event) => {
        // A firm line change reaches every partner's resolved line.
        if (event.type === 'editorial.changed' || event.type === 'partners.changed' || event.type === 'workspace.changed') {
          invalidateSoon(queryClient, ['editorial', 'resolved']);
        }
      }),
    [queryClient],
  );

  // Mastodon counts as the workspace's instance does (Settings).
  const counts = useMastodonCountOptions();
  const line = resolved.data ?? null;
  useEffect(() => {
    if (session.setInputs(line, { ...counts, networks: [...networks] }) && !editor.isDestroyed) refreshLint(editor.view);
  }, [editor, session, line, networks, counts]);

  return resolved;
}
