import { z } from 'zod';
import { Network } from '../posts/networks';

/** Generous bounds: a part is checked against its network by the counter, not here. */
export const MAX_THREAD_PARTS = 25;
export const ThreadParts = z.array(z.string().max(5_000, { message: 'errors.tooLong' })).max(MAX_THREAD_PARTS, { message: 'errors.tooLong' });
export type ThreadParts = z.infer<typeof ThreadParts>;

/** A post's thread parts per network; a network without parts goes out as one post. */
export const PostThreads = z.partialRecord(Network, ThreadParts);
export type PostThreads = z.infer<typeof PostThreads>;

/** A post's first comment per network (LinkedIn comment, X or Bluesky reply). */
export const FirstComments = z.partialRecord(Network, z.string().max(3_000, { message: 'errors.tooLong' }));
export type FirstComments = z.infer<typeof FirstComments>;

/** Only networks with something in them: an empty thread or comment is no thread or comment. */
export function nonEmptyThreads(threads: PostThreads | undefined): PostThreads {
  const kept: PostThreads = {};
  for (const [network, parts] of Object.entries(threads ?? {})) {
    const list = parts.filter((part) => part.trim().length > 0);
    if (list.length > 0) kept[Network.parse(network)] = list;
  }
  return kept;
}

export function nonEmptyComments(comments: FirstComments | undefined): FirstComments {
  const kept: FirstComments = {};
  for (const [network, text] of Object.entries(comments ?? {})) {
    if (text.trim().length > 0) kept[Network.parse(network)] = text;
  }
  return kept;
}
