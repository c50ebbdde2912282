import type { PublishError } from '../../../../../shared/publishing/publishError';
import { isoResetMs } from '../../../../../shared/publishing/retryDelay';
import type { HttpReply } from '../http/send';
import { statusError, statusLine, statusOf } from '../http/statusError';
import { ErrorBody } from './schemas';

/**
 * A Mastodon failure with the instance's own words: `{"error":"Validation failed: Text
 * character limit of 500 exceeded"}`. A 429 waits for Retry-After, else for
 * `X-RateLimit-Reset` (an ISO 8601 instant).
 */
export function mastodonError(reply: HttpReply, now: number, creates = false): PublishError {
  const body = ErrorBody.safeParse(reply.json);
  const message = body.success
    ? body.data.error_description === undefined
      ? body.data.error
      : `${body.data.error}: ${body.data.error_description}`
    : statusLine(reply);
  const rateLimitResetMs = reply.status === 429 ? isoResetMs(reply.headers.get('x-ratelimit-reset'), now) : undefined;
  return statusError(statusOf(reply), { message }, { now, creates, ...(rateLimitResetMs === undefined ? {} : { rateLimitResetMs }) });
}
