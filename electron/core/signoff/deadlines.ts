import type { PostStatus } from '../../../shared/posts/schema';
import { canTransition } from '../../../shared/signoff/lifecycle';
import { dueReminder } from '../../../shared/signoff/reminders';
import { newMessageId } from '../mail/messageId';
import { messageIdDomain } from '../mail/settings';
import { Decisions } from './decisions';
import { timeSlicer } from '../scheduler/timeSlice';
import { SIGNOFF_EMAIL, reminderEmailKey } from './deps';
import type { SignoffDeps } from './deps';
import type { EmailRequestPayload } from './service';

const SYSTEM = { kind: 'system', name: '' } as const;

/**
 * States held at publication time: not approved, so never published. `scheduled` is left to
 * the publisher, which re-checks the hash (assertPublishable) and holds on a mismatch.
 */
const HOLDABLE: readonly PostStatus[] = (['draft', 'in_review', 'changes_requested', 'rejected', 'expired'] as const).filter((s) =>
  canTransition(s, 'hold'),
);

/** Deadlines, reminders and holds: what the scheduler's tick asks of sign-off. */
export class DeadlineKeeper {
  private readonly decisions: Decisions;

  constructor(private readonly deps: SignoffDeps) {
    this.decisions = new Decisions(deps);
  }

  /** Open requests past their deadline with no decision expire (lifecycle 'expire'). */
  async expireDue(now: number): Promise<number> {
    let expired = 0;
    const slice = timeSlicer();
    for (const listed of this.deps.signoff.openRequestsWithDeadline()) {
      if (listed.deadlineAt === null || listed.deadlineAt > now) break;
      await slice();
      // The workspace was closed (quit, restore) while others were served: the next pass resumes.
      if (!this.deps.db.open) break;
      // Read again: a decision may have arrived while the thread served others.
      const request = this.deps.signoff.request(listed.id);
      if (request?.state !== 'open' || request.deadlineAt === null || request.deadlineAt > now) continue;
      const post = this.deps.posts.get(request.postId);
      if (!post) continue;
      this.deps.db.transaction(() => {
        if (post.status === 'in_review') {
          this.deps.transitions.apply({
            post,
            event: 'expire',
            actor: SYSTEM,
            channel: 'system',
            at: request.deadlineAt ?? now,
            revision: { number: request.revisionNumber, hash: request.revisionHash },
            details: { requestId: request.id, requestedAt: request.createdAt, deadlineAt: request.deadlineAt },
          });
        }
        this.decisions.close(request, 'expired', null, request.deadlineAt);
      })();
      expired++;
      this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
      this.alert('signoff.alerts.expired', post.id, post.title, 'warning');
    }
    return expired;
  }

  /** Queues the reminder due now for each open emailed request (see shared/signoff/reminders.ts). */
  async remindDue(now: number): Promise<number> {
    let queued = 0;
    const slice = timeSlicer();
    for (const listed of this.deps.signoff.openRequestsWithDeadline()) {
      if (listed.channel !== 'email') continue;
      await slice();
      if (!this.deps.db.open) break;
      const request = this.deps.signoff.request(listed.id);
      if (request?.state !== 'open') continue;
      const level = dueReminder({ createdAt: request.createdAt, deadlineAt: request.deadlineAt, level: request.remindersSent }, now);
      if (level === null) continue;
      this.deps.db.transaction(() => {
        const messageId = newMessageId(messageIdDomain(this.deps.mail.settings()));
        const key = reminderEmailKey(request.id, level);
        this.deps.signoff.insertMessage(messageId, request.id, 'reminder', key, now);
        const payload: EmailRequestPayload = { postId: request.postId, requestId: request.id, purpose: 'reminder', level, messageId };
        this.deps.outbox.enqueue(SIGNOFF_EMAIL, key, payload, now, now);
        this.deps.signoff.setRemindersSent(request.id, level);
      })();
      queued++;
    }
    if (queued > 0) this.deps.wake();
    return queued;
  }

  /** Posts whose publication time came without a valid approval are held, and the community manager alerted. */
  async holdDue(now: number): Promise<number> {
    let held = 0;
    const slice = timeSlicer();
    for (const { id } of this.deps.signoff.postsToHold(HOLDABLE, now)) {
      await slice();
      if (!this.deps.db.open) break;
      const post = this.deps.posts.get(id);
      if (!post || !canTransition(post.status, 'hold')) continue;
      // Asked again after its time (a held post re-requested): its approval will wait for a new slot, not publish.
      const asked = post.status === 'in_review' ? this.deps.signoff.openRequest(id) : null;
      if (asked && post.scheduledAt !== null && asked.createdAt >= post.scheduledAt) continue;
      this.deps.db.transaction(() => {
        const open = this.deps.signoff.openRequest(id);
        this.deps.transitions.apply({
          post,
          event: 'hold',
          actor: SYSTEM,
          channel: 'system',
          at: now,
          details: { reason: 'notApproved', scheduledAt: post.scheduledAt, requestId: open?.id ?? null },
        });
        if (open) this.decisions.close(open, 'held', null, now);
      })();
      held++;
      this.deps.events.emit({ type: 'signoff.changed', postId: id });
      this.alert('signoff.alerts.held', id, post.title, 'error', { scheduledAt: post.scheduledAt ?? now });
    }
    return held;
  }

  private alert(messageKey: string, postId: string, title: string, severity: 'warning' | 'error', extra: Record<string, number> = {}): void {
    this.deps.events.emit({ type: 'alert', messageKey, params: { title, ...extra }, severity, postId });
  }
}
