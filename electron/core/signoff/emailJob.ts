import { z } from 'zod';
import type { Post } from '../../../shared/posts/schema';
import { isLastReminder } from '../../../shared/signoff/reminders';
import { quotedTexts } from '../../../shared/signoff/quotedTexts';
import { textsDiff } from '../../../shared/signoff/wordDiff';
import { decodeMailFailure, encodeMailFailure, mailFailureParams } from '../../../shared/mail/failure';
import { alreadySent, isOutcome, mailAccess, sendAndFile } from '../mail/outgoingJob';
import type { JobContext, JobHandler, JobOutcome } from '../outbox/handler';
import type { OutboxJob } from '../outbox/repository';
import type { SignoffDeps } from './deps';
import { renderRequestEmail } from './email/requestEmail';
import type { EmailPreviews } from './emailPreviews';
import { loadFacetDetection } from '../publishing/connectors/bluesky/record';
import type { RenderedEmail } from './email/requestEmail';
import type { SignoffRequest } from './repository';
import { signToken } from './tokens';

const Payload = z.object({
  postId: z.uuid(),
  requestId: z.uuid(),
  purpose: z.enum(['request', 'reminder']),
  level: z.number().int().nonnegative(),
  messageId: z.string().regex(/^<[^<>\s]+@[^<>\s]+>$/),
});
type Payload = z.infer<typeof Payload>;

const Result = z.object({
  messageId: z.string().optional(),
  skipped: z.string().optional(),
  reconciled: z.boolean().optional(),
  /** SHA-256 of the raw message as sent, kept in the workspace's records. */
  eml: z.string().optional(),
});

const CM = { kind: 'community_manager', name: '' } as const;

/**
 * Sends a sign-off request or reminder. Rendered at send time from the request's frozen
 * content (so a job queued offline shows exactly what was frozen), under the Message-ID
 * chosen when it was queued.
 *
 * After a crash mid-send (`reconcile`), the Sent mailbox is searched for that Message-ID:
 * found means it left, and it is not sent again. Not found, it is sent again under the same
 * Message-ID — at-least-once: a lost request is worse than a duplicate, and mail clients
 * (Gmail, Apple Mail, Thunderbird) fold two copies with one Message-ID into one.
 */
export class SignoffEmailJob implements JobHandler {
  constructor(private readonly deps: SignoffDeps) {}

  async run(raw: unknown, context: JobContext): Promise<JobOutcome> {
    const parsed = Payload.safeParse(raw);
    if (!parsed.success) return { outcome: 'failed', error: 'invalid job payload' };
    const payload = parsed.data;
    const request = this.deps.signoff.request(payload.requestId);
    if (!request) return { outcome: 'done', result: { skipped: 'requestGone' } };
    // A request superseded, decided or voided meanwhile must not reach the partner.
    if (request.state !== 'open') return { outcome: 'done', result: { skipped: `request ${request.state}` } };
    const access = await mailAccess(this.deps.mail);
    if (isOutcome(access)) return access;

    if (context.reconcile) {
      const sent = await alreadySent(access, payload.messageId, this.deps.mailReachability.otherwiseOnline('imap'));
      if (sent !== false) return sent === true ? { outcome: 'done', result: { messageId: payload.messageId, reconciled: true } } : sent;
    }

    let rendered: RenderedEmail | null;
    try {
      // Bluesky's preview needs the SDK's facet detection, loaded on first use, not at start.
      if (request.content.texts.bluesky !== undefined) await loadFacetDetection();
      rendered = this.render(request, payload, access.settings.fromAddress, await this.deps.key.get());
    } catch (error) {
      this.deps.log.error('signing key unavailable', error);
      return { outcome: 'unreachable', error: encodeMailFailure({ reason: 'keychain' }), detail: 'keychain unavailable' };
    }
    if (rendered === null) return { outcome: 'done', result: { skipped: 'partnerGone' } };
    const inReplyTo = payload.purpose === 'reminder' ? (this.deps.signoff.requestMessageId(request.id) ?? undefined) : undefined;
    const mail = {
      ...rendered,
      messageId: payload.messageId,
      date: new Date(this.deps.clock.now()),
      inReplyTo,
      references: inReplyTo === undefined ? undefined : [inReplyTo],
    };
    const sent = await sendAndFile(this.deps, access, mail, { requestId: request.id }, 'sign-off email');
    if (sent.outcome !== 'sent') return sent;
    return { outcome: 'done', result: { messageId: payload.messageId, ...(sent.eml === undefined ? {} : { eml: sent.eml }) } };
  }

  /** Inside the worker's transaction: the audit trail and the alert. */
  settled(job: OutboxJob, state: 'done' | 'failed'): void {
    const payload = Payload.safeParse(job.payload);
    if (!payload.success) return;
    const { requestId, purpose, level, messageId } = payload.data;
    const request = this.deps.signoff.request(requestId);
    const post = this.deps.posts.get(payload.data.postId);
    if (!request || !post) return;
    const revision = { number: request.revisionNumber, hash: request.revisionHash };
    const now = this.deps.clock.now();
    if (state === 'failed') {
      this.deps.events.emit({
        type: 'alert',
        messageKey: 'signoff.alerts.emailFailed',
        // The reason is translated by the UI (`accounts.mail.failure.<reason>`), never the raw error.
        params: { title: post.title, attempts: job.attempts, ...mailFailureParams(decodeMailFailure(job.lastError) ?? { reason: 'unknown' }) },
        severity: 'error',
        postId: post.id,
      });
      return;
    }
    const result = Result.safeParse(job.result);
    if (!result.success || result.data.skipped !== undefined) return;
    const details = {
      requestId,
      messageId,
      ...(result.data.reconciled ? { reconciled: true } : {}),
      ...(result.data.eml === undefined ? {} : { eml: result.data.eml }),
    };
    if (purpose === 'request') {
      this.deps.transitions.record(post, 'signoffEmailSent', CM, 'email', now, details, revision);
      this.deps.signoff.markSeen(requestId, now);
    } else {
      this.deps.transitions.record(post, 'reminderSent', CM, 'email', now, { ...details, level }, revision);
    }
    this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
  }

  /** A copy in the account's Sent mailbox; the email has left either way, so a failure here is only logged. */
  /** Files the very bytes that were sent, so the Sent mailbox shows what the partner received. */
  /** The previews of what the request approves (its frozen content); the texts alone if they cannot be built. */
  private previews(post: Post, request: SignoffRequest): EmailPreviews | null {
    try {
      return this.deps.emailPreviews.of(post, request.content);
    } catch (error) {
      this.deps.log.error(`sign-off email: previews of ${post.id} not built, texts sent alone`, error);
      return null;
    }
  }

  private render(request: SignoffRequest, payload: Payload, workstationAddress: string, key: Buffer): RenderedEmail | null {
    const post = this.deps.posts.get(request.postId);
    const partner = this.deps.partners.get(request.partnerId);
    if (!post || !partner || partner.signoffEmail === '') return null;
    const seen = this.deps.signoff.lastSeenRequest(request.postId, request.id);
    const token = (decision: 'approve' | 'requestChanges') =>
      signToken(key, { requestId: request.id, decision, expiresAt: request.tokenExpiresAt }, request.revisionHash);
    return renderRequestEmail({
      purpose: payload.purpose,
      level: payload.level,
      lastReminder: payload.purpose === 'reminder' && isLastReminder(payload.level),
      // Thread parts and first comments count as the text they are (quotedTexts): an edited part shows in the diff.
      diff: seen ? textsDiff(quotedTexts(seen.content), quotedTexts(request.content)) : null,
      corrections: request.details.correctionsFrom !== undefined,
      partner,
      title: post.title,
      texts: request.content.texts,
      scheduledAt: post.scheduledAt,
      deadlineAt: request.deadlineAt,
      override: request.details.override,
      comments: this.deps.comments.sentWith(request.id),
      revisionNumber: request.revisionNumber,
      revisionHash: request.revisionHash,
      workstationAddress,
      approveToken: token('approve'),
      changesToken: token('requestChanges'),
      previews: this.previews(post, request),
    });
  }
}
