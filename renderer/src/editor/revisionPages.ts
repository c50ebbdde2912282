import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../app/queries';
import { mergeFirstPage } from './revisionPageMerge';
import type { RevisionPages } from './revisionPageMerge';

export const REVISION_PAGE_SIZE = 50;

export const fetchRevisionPage = (postId: string, before: number | undefined) =>
  api.call('posts.revisions', { postId, limit: REVISION_PAGE_SIZE, ...(before === undefined ? {} : { before }) });

const refreshedCount = new Map<string, number>();

/**
 * After a revision was kept (a pause, Ctrl+S, a restore, a sign-off request…): refresh only the
 * first page, and only while a revisions panel is showing this post (an unobserved list is
 * simply dropped and loaded afresh when shown). `revisionCount` is the post's newest revision
 * number: an autosave leaves it as it was, and fetches nothing.
 */
export async function refreshRevisionsFirstPage(queryClient: QueryClient, postId: string, revisionCount: number): Promise<void> {
  // Our own save is answered directly and also comes back as an event: one refresh per new revision.
  if ((refreshedCount.get(postId) ?? 0) >= revisionCount) return;
  refreshedCount.set(postId, revisionCount);
  const queryKey = keys.revisions(postId);
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (!query || query.getObserversCount() === 0) {
    queryClient.removeQueries({ queryKey, exact: true });
    return;
  }
  const first = await fetchRevisionPage(postId, undefined);
  queryClient.setQueryData<RevisionPages>(queryKey, (loaded) => mergeFirstPage(loaded, first));
}
