import type { z } from 'zod';
import type { AddCommentInput, PostComment } from '../../../shared/signoff/schema';
import { notFound } from '../errors';
import type { SignoffDeps } from './deps';

type CommentFields = z.output<typeof AddCommentInput>;

/**
 * Comments on a post: internal ones stay in the workstation; partner-visible ones go with
 * the next sign-off request email (which then claims them).
 */
export class CommentService {
  constructor(private readonly deps: SignoffDeps) {}

  list(postId: string): PostComment[] {
    if (!this.deps.posts.get(postId)) throw notFound('post', postId);
    return this.deps.comments.forPost(postId);
  }

  add(fields: CommentFields): PostComment {
    const now = this.deps.clock.now();
    const comment = this.deps.db.transaction(() => {
      const post = this.deps.posts.get(fields.postId);
      if (!post) throw notFound('post', fields.postId);
      const created = this.deps.comments.insert({
        postId: post.id,
        authorKind: 'community_manager',
        authorName: '',
        visibility: fields.visibility,
        body: fields.body,
        revisionNumber: post.revisionCount,
        sentInRequestId: null,
        createdAt: now,
      });
      this.deps.transitions.record(post, 'commented', { kind: 'community_manager', name: '' }, 'app', now, {
        commentId: created.id,
        visibility: fields.visibility,
      });
      return created;
    })();
    this.deps.events.emit({ type: 'signoff.changed', postId: fields.postId });
    return comment;
  }
}
