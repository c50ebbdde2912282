import type { PublishError } from '../../../../../shared/publishing/publishError';
import { epochSecondsResetMs, firstDelay } from '../../../../../shared/publishing/retryDelay';
import type { HttpReply } from '../http/send';
import { statusError, statusLine, statusOf } from '../http/statusError';
import { Problem } from './schemas';

function problemOf(reply: HttpReply): { message: string; code?: string } {
  const body = Problem.safeParse(reply.json);
  if (!body.success) return { message: statusLine(reply) };
  const listed = (body.data.errors ?? []).flatMap((error) => (error.message === undefined ? [] : [error.message]));
  const message = listed.length > 0 ? listed.join('; ') : (body.data.detail ?? body.data.title ?? statusLine(reply));
  const code = body.data.type !== undefined && body.data.type !== 'about:blank' ? body.data.type : body.data.title;
  return { message, ...(code === undefined ? {} : { code }) };
}

/**
 * An X failure with X's own words (problem JSON: `errors[].message`, else `detail`, else
 * `title`). A 429 waits for Retry-After, else for the 24-hour user cap's reset when that cap
 * is spent, else for `x-rate-limit-reset` (epoch seconds).
 */
export function xError(reply: HttpReply, now: number, creates = false): PublishError {
  const rateLimitResetMs =
    reply.status === 429
      ? firstDelay(
          reply.headers.get('x-user-limit-24hour-remaining') === '0' ? epochSecondsResetMs(reply.headers.get('x-user-limit-24hour-reset'), now) : undefined,
          epochSecondsResetMs(reply.headers.get('x-rate-limit-reset'), now),
        )
      : undefined;
  return statusError(statusOf(reply), problemOf(reply), { now, creates, ...(rateLimitResetMs === undefined ? {} : { rateLimitResetMs }) });
}

/** X refuses a post identical to a recent one of the same account: 403 "…duplicate content." */
export const isDuplicate = (reply: HttpReply): boolean => reply.status === 403 && /duplicate content/iu.test(problemOf(reply).message);
