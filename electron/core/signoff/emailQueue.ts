import { z } from 'zod';
import { decodeMailFailure } from '../../../shared/mail/failure';
import type { SignoffEmailWaiting } from '../../../shared/signoff/outboxJob';
import type { OutboxJob } from '../outbox/repository';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { bounceOf, bounceView } from './bounces';
import { SIGNOFF_EMAIL } from './deps';
import type { SignoffDeps } from './deps';

const Payload = z.object({ postId: z.string(), requestId: z.string(), purpose: z.enum(['request', 'reminder']) });
/** A job done without sending (its request decided or replaced meanwhile) says so in its result. */
const Skipped = z.object({ skipped: z.string() });

/** States that mean "has not reached the partner": what the Envoi page must say. */
const WAITING = new Set<OutboxJob['state']>(['queued', 'sending', 'failed']);
/** Sent emails stay listed this long, so a bounce or a recent request can be found there. */
export const RECENT_MS = 7 * 24 * 3_600_000;
const MAX_RECENT = 50;

/**
 * Sign-off emails on the Envoi page, each with its post and partner: those waiting or failed,
 * oldest first, then those sent in the last week, newest first — one the partner's server
 * returned shown failed, with the server's words (bounces.ts).
 */
export function signoffEmailQueue(deps: SignoffDeps, jobs: readonly OutboxJob[]): SignoffEmailWaiting[] {
  const out: SignoffEmailWaiting[] = [];
  const sent: SignoffEmailWaiting[] = [];
  const now = deps.clock.now();
  const histories = new Map<string, AuditEntry[]>();
  const historyOf = (postId: string): AuditEntry[] => {
    const known = histories.get(postId);
    if (known) return known;
    const read = deps.audit.ofPost(postId);
    histories.set(postId, read);
    return read;
  };
  for (const job of jobs) {
    if (job.kind !== SIGNOFF_EMAIL) continue;
    const recent = job.state === 'done' && job.finishedAt !== null && job.finishedAt >= now - RECENT_MS && !Skipped.safeParse(job.result).success;
    if (!WAITING.has(job.state) && !recent) continue;
    if (recent && sent.length >= MAX_RECENT) continue;
    const payload = Payload.safeParse(job.payload);
    if (!payload.success) continue;
    const post = deps.posts.get(payload.data.postId);
    const partner = post ? deps.partners.get(post.partnerId) : null;
    const bounce = recent && post ? bounceOf(historyOf(post.id), payload.data.requestId) : null;
    const returned = bounce !== null && job.finishedAt !== null && job.finishedAt <= bounce.at ? bounce : null;
    const bounced = returned ? bounceView({ state: job.state, attempts: job.attempts, maxAttempts: deps.outbox.maxAttempts, lastError: job.lastError, failure: null }, returned) : null;
    const email = bounced ? { state: 'failed' as const, lastError: bounced.lastError, failure: bounced.failure } : { state: job.state, lastError: job.lastError, failure: decodeMailFailure(job.lastError) };
    (recent ? sent : out).push({
      jobId: job.id,
      postId: payload.data.postId,
      title: post?.title ?? '',
      partnerName: partner?.displayName ?? '',
      to: partner?.signoffEmail ?? '',
      purpose: payload.data.purpose,
      state: email.state,
      attempts: job.attempts,
      nextTryAt: job.state === 'queued' ? job.notBefore : null,
      lastError: email.lastError,
      failure: email.failure,
      maxAttempts: deps.outbox.maxAttempts,
      createdAt: job.createdAt,
    });
  }
  return [...out.sort((a, b) => a.createdAt - b.createdAt), ...sent.sort((a, b) => b.createdAt - a.createdAt)];
}
