import { revisionsForCheckpoint } from '../../../shared/posts/revisionPolicy';
import type { EventBus } from '../events';
import type { PostRepository } from './repository';

/**
 * Keeps the post's stored text as a revision at a meaningful point (shared/posts/revisionPolicy.ts),
 * unless the newest revision already holds it. Callers run it inside their own transaction
 * (a sign-off request binds to the number it leaves). Returns whether a revision was added.
 */
export function keepStoredRevision(posts: PostRepository, events: EventBus, postId: string, now: number): boolean {
  const post = posts.get(postId);
  const contentJson = posts.contentJson(postId);
  const versionsJson = posts.versionsJson(postId);
  if (!post || contentJson === null || versionsJson === null) return false;
  const { keepStored } = revisionsForCheckpoint({
    storedIsNewestRevision: posts.newestRevisionHolds(postId, post.title, contentJson, versionsJson),
    lastSavedAt: post.updatedAt,
  });
  if (!keepStored) return false;
  posts.insertRevision(postId, post.title, contentJson, post.plainText, null, now, versionsJson);
  // Same version (the text did not change, so no editor conflicts); the history panels refresh.
  events.emit({ type: 'post.saved', postId, version: post.version, revisionCount: post.revisionCount + 1 });
  return true;
}
