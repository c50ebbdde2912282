import { z } from 'zod';
import { decodeMailFailure } from '../../../shared/mail/failure';
import type { SignoffEmailWaiting } from '../../../shared/signoff/outboxJob';
import type { OutboxJob } from '../outbox/repository';
import { SIGNOFF_EMAIL } from './deps';
import type { SignoffDeps } from './deps';

const Payload = z.object({ postId: z.string(), requestId: z.string(), purpose: z.enum(['request', 'reminder']) });

/** States that mean "has not reached the partner": what the Envoi page must say. */
const WAITING = new Set<OutboxJob['state']>(['queued', 'sending', 'failed']);

/** Sign-off emails waiting in the outbox, oldest first, each with its post and partner. */
export function signoffEmailQueue(deps: SignoffDeps, jobs: readonly OutboxJob[]): SignoffEmailWaiting[] {
  const out: SignoffEmailWaiting[] = [];
  for (const job of jobs) {
    if (job.kind !== SIGNOFF_EMAIL || !WAITING.has(job.state)) continue;
    const payload = Payload.safeParse(job.payload);
    if (!payload.success) continue;
    const post = deps.posts.get(payload.data.postId);
    const partner = post ? deps.partners.get(post.partnerId) : null;
    out.push({
      jobId: job.id,
      postId: payload.data.postId,
      title: post?.title ?? '',
      partnerName: partner?.displayName ?? '',
      to: partner?.signoffEmail ?? '',
      purpose: payload.data.purpose,
      state: job.state,
      attempts: job.attempts,
      nextTryAt: job.state === 'queued' ? job.notBefore : null,
      lastError: job.lastError,
      failure: decodeMailFailure(job.lastError),
      maxAttempts: deps.outbox.maxAttempts,
      createdAt: job.createdAt,
    });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}
