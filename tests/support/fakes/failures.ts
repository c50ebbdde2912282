/**
 * The misbehaviours every fake can be told to produce, in each network's own error shape:
 * rate limited (with Retry-After in seconds or as an HTTP-date, or only the network's reset
 * header), refused credential, server error, refused content with the network's message.
 */
export type FailureSpec =
  | { kind: 'rateLimited'; retryAfter?: string; resetAt?: number }
  | { kind: 'unauthorized' }
  | { kind: 'serverError' }
  | { kind: 'badRequest'; message: string };
