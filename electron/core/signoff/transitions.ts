import { ApiError } from '../../../shared/api/errors';
import type { Post, PostStatus } from '../../../shared/posts/schema';
import type { Actor, AuditAction, Channel } from '../../../shared/signoff/audit';
import { transition } from '../../../shared/signoff/lifecycle';
import type { LifecycleEvent } from '../../../shared/signoff/lifecycle';
import type { AuditRepository } from '../audit/repository';
import type { SignoffRepository } from './repository';
import type { RevisionContent } from './revisionContent';

export interface TransitionRequest {
  post: Post;
  event: LifecycleEvent;
  actor: Actor;
  channel: Channel | null;
  at: number;
  details: Record<string, unknown>;
  /** The revision the fact is about; default: the post's current one. */
  revision?: { number: number; hash: string };
  /** The audit action, when it is not the lifecycle event's own name. */
  action?: AuditAction;
}

export const transitionRefused = (from: PostStatus, event: LifecycleEvent): ApiError =>
  new ApiError({
    code: 'conflict',
    messageKey: 'errors.signoff.transition',
    message: `A post that is ${from} cannot ${event}`,
    details: { from, event },
  });

/**
 * The one way a post changes state: the pure state machine decides, the status is written
 * (compare-and-set) and the fact appended to the audit log, all in the caller's transaction.
 */
export class Transitions {
  constructor(
    private readonly signoff: SignoffRepository,
    private readonly audit: AuditRepository,
    private readonly content: RevisionContent,
  ) {}

  apply(request: TransitionRequest): { from: PostStatus; to: PostStatus } {
    const from = request.post.status;
    const result = transition(from, request.event);
    if (!result.ok) throw transitionRefused(from, request.event);
    if (result.to !== from && !this.signoff.setPostStatus(request.post.id, from, result.to, request.at)) {
      throw new ApiError({ code: 'conflict', messageKey: 'errors.conflict', message: `Post ${request.post.id} changed meanwhile` });
    }
    this.audit.append({
      postId: request.post.id,
      partnerId: request.post.partnerId,
      at: request.at,
      actor: request.actor,
      action: request.action ?? request.event,
      fromStatus: from,
      toStatus: result.to,
      revisionNumber: request.revision?.number ?? request.post.revisionCount,
      revisionHash: request.revision?.hash ?? this.content.hash(request.post),
      channel: request.channel,
      details: request.details,
    });
    return { from, to: result.to };
  }

  /** A fact that changes no state (a reply received, an email sent, a comment); returns its audit entry id. */
  record(post: Post, action: AuditAction, actor: Actor, channel: Channel | null, at: number, details: Record<string, unknown>, revision?: { number: number; hash: string }): number {
    return this.audit.append({
      postId: post.id,
      partnerId: post.partnerId,
      at,
      actor,
      action,
      fromStatus: post.status,
      toStatus: post.status,
      revisionNumber: revision?.number ?? post.revisionCount,
      revisionHash: revision?.hash ?? this.content.hash(post),
      channel,
      details,
    });
  }
}
