import { isXrpcError } from '../../../bluesky/atproto';
import type { PublishError } from '../../../../../shared/publishing/publishError';
import { epochSecondsResetMs } from '../../../../../shared/publishing/retryDelay';
import { statusError } from '../http/statusError';
import { isTransportError, transportError } from '../http/transportError';

/** XRPC error names that mean the credential, not the request, was refused. */
const AUTH_ERRORS = new Set(['AuthenticationRequired', 'ExpiredToken', 'InvalidToken', 'AuthMissing', 'AccountTakedown']);

/**
 * An XRPC failure (atproto.com/specs/xrpc#error-responses: `{"error":"…","message":"…"}`)
 * in the outbox's kinds. The agent reports "no answer" as status 1 (Unknown) with the fetch
 * error as its cause. A 429 waits for Retry-After, else for `ratelimit-reset` (epoch seconds).
 */
export function blueskyError(error: unknown, now: number, creates: boolean): PublishError | undefined {
  if (!isXrpcError(error)) return isTransportError(error) ? transportError(error, creates) : undefined;
  // The SDK types status as its ResponseType enum; its values are HTTP codes, 1 and 2 aside.
  const status: number = error.status;
  if (status < 100) {
    if (isTransportError(error.cause)) return transportError(error.cause, creates);
    // 2: the PDS answered 2xx with a body we could not read.
    return { kind: 'retryable', status: 0, networkMessage: error.message, ...(creates ? { outcomeUnknown: true } : {}) };
  }
  const name = error.error;
  const message = error.message === '' ? name : error.message;
  if (AUTH_ERRORS.has(name)) return { kind: 'auth', status, networkMessage: message };
  const header = (key: string): string | undefined => error.headers?.[key];
  const rateLimitResetMs = status === 429 ? epochSecondsResetMs(header('ratelimit-reset'), now) : undefined;
  return statusError(
    { status, retryAfter: header('retry-after') },
    { message, ...(name === '' ? {} : { code: name }) },
    { now, creates, ...(rateLimitResetMs === undefined ? {} : { rateLimitResetMs }) },
  );
}
