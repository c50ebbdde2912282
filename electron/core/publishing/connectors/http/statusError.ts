import type { PublishError } from '../../../../../shared/publishing/publishError';
import { firstDelay, retryAfterMs } from '../../../../../shared/publishing/retryDelay';
import type { HttpReply } from './send';

/** What the mapping needs of a reply: its status and Retry-After header. */
export interface StatusReply {
  status: number;
  retryAfter: string | null | undefined;
}

export const statusOf = (reply: HttpReply): StatusReply => ({ status: reply.status, retryAfter: reply.headers.get('retry-after') });

/** The network's own words for a failure, pulled from its error body by each connector. */
export interface NetworkMessage {
  message: string;
  code?: string;
}

export interface StatusContext {
  now: number;
  /** This reply answered the call that makes the post. */
  creates?: boolean;
  /** A network-specific wait (X x-rate-limit-reset, Mastodon X-RateLimit-Reset…). */
  rateLimitResetMs?: number;
}

/**
 * The one mapping from an HTTP status to the outbox's kinds, shared by every connector:
 * 401 auth; 408, 425, 429 and 5xx retryable (429 and 503 honour Retry-After, then the
 * network's own reset header); anything else 4xx permanent, with the network's message.
 */
export function statusError(reply: StatusReply, said: NetworkMessage, context: StatusContext): PublishError {
  const { status } = reply;
  const networkMessage = said.message;
  if (status === 401) return { kind: 'auth', status, networkMessage };
  if (status === 429 || status === 503 || status === 408 || status === 425 || status >= 500) {
    const wait = firstDelay(retryAfterMs(reply.retryAfter, context.now), context.rateLimitResetMs);
    // A 5xx or time-out on the create call may come after the post was stored.
    const unknown = context.creates === true && status !== 429 && status !== 425;
    return {
      kind: 'retryable',
      status,
      networkMessage,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
      ...(unknown ? { outcomeUnknown: true } : {}),
    };
  }
  return { kind: 'permanent', status, networkMessage, ...(said.code === undefined ? {} : { networkCode: said.code }) };
}

/** When an error body says nothing readable: the status line. */
export const statusLine = (reply: HttpReply): string => `HTTP ${reply.status}${reply.statusText === '' ? '' : ` ${reply.statusText}`}`;
