import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../app/queries';
import { mergeFirstPage } from './revisionPageMerge';
import type { RevisionPages } from './revisionPageMerge';

export const REVISION_PAGE_SIZE = 50;

export const fetchRevisionPage = (postId: string, before: number | undefined) =>
  api.call('posts.revisions', { postId, limit: REVISION_PAGE_SIZE, ...(before === undefined ? {} : { before }) });

const refreshedVersion = new Map<string, number>();

/**
 * After a save or a restore: refresh only the first page, and only while a revisions panel is
 * showing this post (an unobserved list is simply dropped and loaded afresh when shown).
 */
export async function refreshRevisionsFirstPage(queryClient: QueryClient, postId: string, version: number): Promise<void> {
  // Our own save is answered directly and also comes back as an event: one refresh per version.
  if ((refreshedVersion.get(postId) ?? 0) >= version) return;
  refreshedVersion.set(postId, version);
  const queryKey = keys.revisions(postId);
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (!query || query.getObserversCount() === 0) {
    queryClient.removeQueries({ queryKey, exact: true });
    return;
  }
  const first = await fetchRevisionPage(postId, undefined);
  queryClient.setQueryData<RevisionPages>(queryKey, (loaded) => mergeFirstPage(loaded, first));
}
