import type { Actor, Channel } from '../../../shared/signoff/audit';
import type { Decision, RequestState } from '../../../shared/signoff/schema';
import { notFound } from '../errors';
import type { SignoffDeps } from './deps';
import type { SignoffRequest } from './repository';

const SYSTEM = { kind: 'system', name: '' } as const;

const stateAfter: Record<Decision, RequestState> = {
  approve: 'approved',
  requestChanges: 'changes_requested',
  reject: 'rejected',
};

export interface DecisionFacts {
  at: number;
  actor: Actor;
  channel: Channel;
  comment: string | null;
  /** Facts particular to how the decision came (message id, who recorded it…). */
  extra: Record<string, unknown>;
}

/**
 * Closing requests and applying decisions: the steps every channel shares. Callers run
 * them inside their transaction.
 */
export class Decisions {
  constructor(private readonly deps: SignoffDeps) {}

  /**
   * An approval that arrives at or after the publication time never publishes by itself: the
   * post is scheduled and marked missed at once, so it waits for "publish now" or a new slot.
   */
  private holdLateApproval(postId: string, facts: DecisionFacts): void {
    const now = this.deps.clock.now();
    const approved = this.deps.posts.get(postId);
    if (approved?.status !== 'approved' || approved.scheduledAt === null || approved.scheduledAt > now) return;
    const scheduledAt = approved.scheduledAt;
    const base = { actor: SYSTEM, channel: 'system' as const, at: now };
    this.deps.transitions.apply({ post: approved, event: 'schedule', ...base, details: { scheduledAt, zone: approved.scheduledZone } });
    const scheduled = this.deps.posts.get(postId) ?? approved;
    this.deps.transitions.apply({
      post: scheduled,
      event: 'missed',
      ...base,
      details: { reason: 'approvedLate', scheduledAt, approvedAt: facts.at, lateMs: now - scheduledAt },
    });
    this.lateAlerts.push({ postId, title: approved.title, scheduledAt });
  }

  /** Alerts for late approvals, emitted by the caller once its transaction has committed. */
  readonly lateAlerts: { postId: string; title: string; scheduledAt: number }[] = [];

  /** Runs `work` (a transaction applying decisions), then alerts for what it committed; nothing on failure. */
  alertingLate<T>(work: () => T): T {
    this.lateAlerts.length = 0;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.lateAlerts.length = 0;
      throw error;
    }
    this.emitLateAlerts();
    return result;
  }

  private emitLateAlerts(): void {
    for (const late of this.lateAlerts.splice(0)) {
      this.deps.events.emit({ type: 'alert', messageKey: 'signoff.alerts.approvedLate', params: { title: late.title, scheduledAt: late.scheduledAt }, severity: 'warning', postId: late.postId });
      this.deps.events.emit({ type: 'outbox.changed' });
    }
  }

  /** Closes an open request and calls back its queued emails (a stale request must not leave). */
  close(request: SignoffRequest, state: RequestState, decision: Decision | null, at: number | null): boolean {
    const closed = this.deps.signoff.closeRequest(request.id, state, decision, at);
    if (closed) for (const key of this.deps.signoff.outboxKeys(request.id)) this.deps.outbox.cancel(key, this.deps.clock.now());
    return closed;
  }

  /**
   * The partner's decision on `request`, which must be open and still match the post's
   * content (callers check and record stale replies themselves).
   */
  apply(request: SignoffRequest, decision: Decision, facts: DecisionFacts): void {
    const post = this.deps.posts.get(request.postId);
    if (!post) throw notFound('post', request.postId);
    this.deps.transitions.apply({
      post,
      event: decision,
      actor: facts.actor,
      channel: facts.channel,
      at: facts.at,
      revision: { number: request.revisionNumber, hash: request.revisionHash },
      details: {
        requestId: request.id,
        requestedAt: request.createdAt,
        deadlineAt: request.deadlineAt,
        comment: facts.comment,
        ...facts.extra,
      },
    });
    this.close(request, stateAfter[decision], decision, facts.at);
    this.deps.signoff.markSeen(request.id, facts.at);
    if (decision === 'approve') {
      this.deps.signoff.setApproval(request.postId, request.revisionHash, request.id);
      this.holdLateApproval(request.postId, facts);
    }
    if (facts.comment !== null && facts.comment !== '') {
      this.deps.comments.insert({
        postId: request.postId,
        authorKind: 'partner',
        authorName: facts.actor.name,
        visibility: 'partner',
        body: facts.comment.slice(0, 10_000),
        revisionNumber: request.revisionNumber,
        sentInRequestId: request.id,
        createdAt: facts.at,
      });
    }
  }
}
