import type { QueryClient } from '@tanstack/react-query';
import { workspaceHealthQuery } from '../storage/queries';
import { parseRoute } from './useRoute';
import { ALL_POSTS, partnersQuery, postDetailQuery, postListQuery, workspaceQuery } from './queries';

/**
 * The first screen's reads, asked for all at once while the UI language and the zone tables
 * load: without it each one waits for the component that needs it to be drawn (language, then
 * zones, then the shell, then the page, then the post), a chain of round trips before the
 * editor can be typed in. The hooks find the answers in the cache under the same keys.
 */
/** A read ahead that fails is read again by the component that needs it, which shows the error. */
const ahead = (read: Promise<unknown>): void => void read.catch(() => undefined);

export function prefetchFirstScreen(queryClient: QueryClient, hash: string): void {
  const route = parseRoute(hash);
  ahead(queryClient.query(workspaceQuery));
  ahead(queryClient.query(partnersQuery(false)));
  ahead(queryClient.query(workspaceHealthQuery));
  if (route.page !== 'posts') return;
  // The open post before the list: its editor is what the user waits for, and core answers in
  // the order asked (the list's first page is ~0.2 MB, ~20 ms of core's thread on an agency's workspace).
  if (route.postId !== null) ahead(queryClient.query({ ...postDetailQuery(route.postId), staleTime: Infinity }));
  ahead(queryClient.infiniteQuery(postListQuery(ALL_POSTS)));
}
