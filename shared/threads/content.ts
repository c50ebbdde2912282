import type { Network } from '../posts/networks';
import type { SignoffContent } from '../signoff/revisionHash';
import { isFirstCommentNetwork, isThreadNetwork } from './networks';
import { nonEmptyComments, nonEmptyThreads } from './schema';
import type { FirstComments, PostThreads } from './schema';

export interface PostWithThreads {
  networks: readonly Network[];
  threads?: PostThreads | undefined;
  firstComments?: FirstComments | undefined;
}

/**
 * The threads and first comments that go out with the post, for the approval: only networks the
 * post targets and that take them, and only when non-empty (so a post without any hashes as it
 * did before threads existed).
 */
export function threadsContentOf(post: PostWithThreads): Pick<SignoffContent, 'threads' | 'firstComments'> {
  const threads = effectiveThreads(post);
  const firstComments = effectiveFirstComments(post);
  return {
    ...(Object.keys(threads).length > 0 ? { threads } : {}),
    ...(Object.keys(firstComments).length > 0 ? { firstComments } : {}),
  };
}

/** Thread parts that apply: a thread network the post targets, with at least two parts. */
export function effectiveThreads(post: PostWithThreads): PostThreads {
  const kept = nonEmptyThreads(post.threads);
  return Object.fromEntries(
    Object.entries(kept).filter(([network, parts]) => post.networks.some((n) => n === network && isThreadNetwork(n)) && parts.length > 1),
  );
}

export function effectiveFirstComments(post: PostWithThreads): FirstComments {
  const kept = nonEmptyComments(post.firstComments);
  return Object.fromEntries(Object.entries(kept).filter(([network]) => post.networks.some((n) => n === network && isFirstCommentNetwork(n))));
}
