import type { PublishError } from '../../../../../shared/publishing/publishError';
import type { HttpReply } from '../http/send';
import { statusError, statusLine, statusOf } from '../http/statusError';
import { ErrorBody } from './schemas';

/**
 * A LinkedIn failure with LinkedIn's message and code. LinkedIn's 429 carries no reset header
 * (its quotas reset at midnight UTC); Retry-After is honoured if ever sent, else the outbox
 * backs off.
 */
export function linkedinError(reply: HttpReply, now: number, creates = false): PublishError {
  const body = ErrorBody.safeParse(reply.json);
  const message = (body.success ? body.data.message : undefined) ?? statusLine(reply);
  const code = body.success ? (body.data.errorDetails?.inputErrors?.[0]?.code ?? body.data.code) : undefined;
  return statusError(statusOf(reply), { message, ...(code === undefined ? {} : { code }) }, { now, creates });
}

/**
 * LinkedIn refuses a post identical to a recent one of the same author (422, code
 * DUPLICATE_POST, "Content is a duplicate of urn:li:share:…") and names the existing post.
 */
export function duplicateOf(reply: HttpReply): string | undefined {
  if (reply.status !== 422) return undefined;
  const body = ErrorBody.safeParse(reply.json);
  if (!body.success) return undefined;
  const named = /duplicate of (urn:li:(?:share|ugcPost|activity):\d+)/u.exec(body.data.message ?? '')?.[1];
  const flagged = body.data.errorDetails?.inputErrors?.some((error) => error.code === 'DUPLICATE_POST') === true;
  return named ?? (flagged ? '' : undefined);
}
