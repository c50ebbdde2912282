import { ApiError } from '../../../shared/api/errors';
import type { Post, PostStatus } from '../../../shared/posts/schema';
import { approvalBound, isFinal, transition } from '../../../shared/signoff/lifecycle';
import { Decisions } from './decisions';
import { keepStoredRevision } from '../posts/keepRevision';
import type { SignoffDeps } from './deps';

/** What PostService tells sign-off, inside its own transactions. */
export interface PostContentHook {
  created(post: Post, now: number): void;
  saved(before: Post, after: Post, now: number): void;
}

const CM = { kind: 'community_manager', name: '' } as const;

const transitionTarget = (status: PostStatus): PostStatus | null => {
  const result = transition(status, 'edit');
  return result.ok ? result.to : null;
};

/**
 * Sign-off's view of editing. A change of what the partner approves (a network's final text,
 * the networks themselves, or the partner) applies lifecycle 'edit': an approval or a pending
 * request stops applying (approved/scheduled/in_review → draft), audited as `approvalVoided`.
 * Edits in draft are audited once per run of edits (`contentEdited`), not once per autosave.
 */
export class SignoffContentHook implements PostContentHook {
  private readonly decisions: Decisions;

  constructor(private readonly deps: SignoffDeps) {
    this.decisions = new Decisions(deps);
  }

  created(post: Post, now: number): void {
    this.deps.transitions.record(post, 'created', CM, 'app', now, {});
  }

  saved(before: Post, after: Post, now: number): void {
    const beforeHash = this.deps.revisionContent.hash(before);
    const afterHash = this.deps.revisionContent.hash(after);
    const partnerChanged = before.partnerId !== after.partnerId;
    if (beforeHash === afterHash && !partnerChanged) return;
    if (isFinal(after.status)) {
      throw new ApiError({ code: 'conflict', messageKey: 'errors.signoff.published', message: `Post ${after.id} is published and cannot change` });
    }
    // Its own fact, always: reports follow the post's partner over time (shared/reports/attribution.ts).
    if (partnerChanged) {
      this.deps.transitions.record(after, 'partnerChanged', CM, 'app', now, { fromPartnerId: before.partnerId, toPartnerId: after.partnerId });
    }
    const signoff = this.deps.signoff.postSignoff(after.id);
    const open = this.deps.signoff.openRequest(after.id);
    const voided = approvalBound(after.status) || (signoff?.approvedHash ?? null) !== null;
    const statusKept = transitionTarget(after.status) === after.status;
    if (!voided && open === null && statusKept && this.inEditRun(after.id)) return;
    // The edit that voids an approval or a pending request is a point of the history: the audit entries below name it.
    const edited = (voided || open !== null) && keepStoredRevision(this.deps.posts, this.deps.events, after.id, now) ? (this.deps.posts.get(after.id) ?? after) : after;

    const { from, to } = this.deps.transitions.apply({
      post: edited,
      event: 'edit',
      actor: CM,
      channel: 'app',
      at: now,
      action: 'contentEdited',
      details: { previousHash: beforeHash, ...(partnerChanged ? { partnerChanged: true } : {}), ...(open ? { voidedRequestId: open.id } : {}) },
    });
    if (open) this.decisions.close(open, 'voided', null, null);
    if (voided) {
      this.deps.signoff.setApproval(after.id, null, null);
      this.deps.transitions.record({ ...edited, status: to }, 'approvalVoided', CM, 'app', now, {
        requestId: signoff?.approvedRequestId ?? null,
        approvedHash: signoff?.approvedHash ?? null,
        fromStatus: from,
      });
      this.deps.events.emit({
        type: 'alert',
        messageKey: 'signoff.alerts.approvalVoided',
        params: { title: after.title },
        severity: 'warning',
        postId: after.id,
      });
    }
    this.deps.events.emit({ type: 'signoff.changed', postId: after.id });
  }

  /** The post's last audit fact is already an edit (or its creation, or a change of partner): this edit continues the run. */
  private inEditRun(postId: string): boolean {
    const last = this.deps.audit.ofPost(postId).at(-1);
    return last !== undefined && (last.action === 'contentEdited' || last.action === 'created' || last.action === 'partnerChanged');
  }
}
