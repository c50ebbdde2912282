import { decodeMailFailure } from '../../../shared/mail/failure';
import type { Post } from '../../../shared/posts/schema';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { approvalBound } from '../../../shared/signoff/lifecycle';
import type { RevisionDiff, SignoffRequestView, SignoffStatus } from '../../../shared/signoff/schema';
import { textsDiff } from '../../../shared/signoff/wordDiff';
import { quotedTexts } from '../../../shared/signoff/quotedTexts';
import { nonEmptyComments, nonEmptyThreads } from '../../../shared/threads/schema';
import { notFound } from '../errors';
import { requestEmailKey } from './deps';
import type { SignoffDeps } from './deps';
import type { SignoffRequest } from './repository';
import type { SignoffEmailWaiting } from '../../../shared/signoff/outboxJob';
import { signoffEmailQueue } from './emailQueue';
import { bounceOf, bounceView } from './bounces';

/** Read-only views of a post's sign-off for the UI. */
export class SignoffViews {
  constructor(private readonly deps: SignoffDeps) {}

  /** Sign-off emails that have not reached the partner yet, for the Envoi page. */
  emailQueue(): SignoffEmailWaiting[] {
    return signoffEmailQueue(this.deps, this.deps.outbox.list());
  }

  status(postId: string): SignoffStatus {
    const post = this.post(postId);
    const signoff = this.deps.signoff.postSignoff(postId);
    const partner = this.deps.partners.get(post.partnerId);
    const hash = this.deps.revisionContent.hash(post);
    const latest = this.deps.signoff.latestRequest(postId);
    const approvedHash = signoff?.approvedHash ?? null;
    const history = this.deps.audit.ofPost(postId);
    return {
      postId,
      status: post.status,
      revisionNumber: post.revisionCount,
      currentHash: hash,
      approvedHash,
      approvalValid: approvalBound(post.status) && approvedHash === hash,
      deadlineAt: signoff?.deadlineAt ?? null,
      request: latest ? this.requestView(latest, history) : null,
      approvalVoided: this.approvalVoided(history),
      partnerHasEmail: (partner?.signoffEmail ?? '') !== '',
      mailAccountConfigured: this.deps.mail.settings() !== null,
    };
  }

  history(postId: string): AuditEntry[] {
    this.post(postId);
    return this.deps.audit.ofPost(postId);
  }

  /** What changed between the last version the partner saw and the current texts. */
  diff(postId: string): RevisionDiff {
    const post = this.post(postId);
    const seen = this.deps.signoff.lastSeenRequest(postId, null);
    // Thread parts and first comments count as the text they are: an edited part shows in the diff.
    const current = { texts: finalTexts(post), media: [], accounts: {}, threads: nonEmptyThreads(post.threads), firstComments: nonEmptyComments(post.firstComments) };
    const networks = textsDiff(seen ? quotedTexts(seen.content) : {}, quotedTexts(current));
    return {
      since: seen && seen.seenAt !== null ? { requestId: seen.id, revisionNumber: seen.revisionNumber, seenAt: seen.seenAt } : null,
      changed: networks.some((n) => n.changed),
      networks,
    };
  }

  private requestView(request: SignoffRequest, history: readonly AuditEntry[]): SignoffRequestView {
    const job = request.channel === 'email' ? this.deps.outboxJobs.byKey(requestEmailKey(request.id)) : null;
    const bounce = request.channel === 'email' ? bounceOf(history, request.id) : null;
    const sent = job
      ? { state: job.state, attempts: job.attempts, maxAttempts: this.deps.outbox.maxAttempts, lastError: job.lastError, failure: decodeMailFailure(job.lastError) }
      : { state: 'none' as const, attempts: 0, maxAttempts: this.deps.outbox.maxAttempts, lastError: null, failure: null };
    return {
      id: request.id,
      revisionNumber: request.revisionNumber,
      revisionHash: request.revisionHash,
      state: request.state,
      channel: request.channel,
      createdAt: request.createdAt,
      deadlineAt: request.deadlineAt,
      decision: request.decision,
      decidedAt: request.decidedAt,
      remindersSent: request.remindersSent,
      // Sent, then returned by the partner's server: it never reached them (bounces.ts).
      email: bounce ? bounceView(sent, bounce) : sent,
    };
  }

  /** The last approval voided by an edit, unless sign-off was requested again since. */
  private approvalVoided(history: readonly AuditEntry[]): SignoffStatus['approvalVoided'] {
    const last = history.findLast((e) => e.action === 'approvalVoided' || e.action === 'requestSignoff');
    if (last?.action !== 'approvalVoided') return null;
    const requestId = last.details.requestId;
    return { at: last.at, requestId: typeof requestId === 'string' ? requestId : null, revisionNumber: last.revisionNumber };
  }

  private post(postId: string): Post {
    const post = this.deps.posts.get(postId);
    if (!post) throw notFound('post', postId);
    return post;
  }
}
