import type { PublishError } from '../../../../../shared/publishing/publishError';

/** This machine cannot reach the internet at all: name resolution or routing failed. */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);
/** The connection never opened, so the request cannot have been received. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  // fetch wraps the socket error in a TypeError; Happy Eyeballs wraps several in an AggregateError.
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    if (current instanceof Error && (current.name === 'TimeoutError' || current.name === 'AbortError')) codes.push(current.name);
    if (current instanceof AggregateError) {
      for (const inner of current.errors) codes.push(...codesOf(inner));
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return codes;
}

/** True when the thrown value comes from the transport (no HTTP answer), not from our code. */
export function isTransportError(error: unknown): boolean {
  return (error instanceof TypeError && error.message === 'fetch failed') || codesOf(error).length > 0;
}

/**
 * A request that got no HTTP answer. `creates`: it was the call that makes the post, so if the
 * connection was cut after sending, the network may hold the post: the outbox must look it
 * up before sending again.
 */
export function transportError(error: unknown, creates: boolean): PublishError {
  const codes = codesOf(error);
  if (codes.some((code) => OFFLINE_CODES.has(code))) return { kind: 'offline' };
  const notSent = codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code));
  const what = codes[0] ?? (error instanceof Error ? error.message : 'no answer');
  return {
    kind: 'retryable',
    status: 0,
    networkMessage: `No answer from the network (${what})`,
    ...(creates && !notSent ? { outcomeUnknown: true } : {}),
  };
}
