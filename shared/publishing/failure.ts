import { z } from 'zod';

/**
 * Why a try at a network did not succeed, as a cause the UI translates with what to do
 * (`publishing.failure.<cause>` once failed, `publishing.retrying.<cause>` while queued again):
 *
 * - auth: the network refused the account's credential (401);
 * - forbidden: it refused this action for this account (403: account limited or suspended);
 * - rejected: it refused the content (400, 413, 422…);
 * - rateLimited: too many posts (429): another try at the time it named;
 * - serverError: its server failed (5xx, 408);
 * - unreachable: the connection never opened (refused, timed out while connecting);
 * - noAnswer: the request left but no answer came: it may be online already (looked up first);
 * - unexpectedReply: an answer Plume cannot read;
 * - accountIncomplete: the account lacks what the network needs (LinkedIn's member id…);
 * - notSendable: Plume cannot prepare this post for this network;
 * - offline: this machine has no network;
 * - keychainLocked: the system keychain holding the account's secret is locked or absent;
 * - notYet: not a failure: waiting for the post's time, or for the instance to publish;
 * - unknown: written by an older version (its text kept as `said`).
 */
export const failureCauses = [
  'auth',
  'forbidden',
  'rejected',
  'rateLimited',
  'serverError',
  'unreachable',
  'noAnswer',
  'unexpectedReply',
  'accountIncomplete',
  'notSendable',
  'offline',
  'keychainLocked',
  'notYet',
  'unknown',
] as const;
export const FailureCause = z.enum(failureCauses);
export type FailureCause = z.infer<typeof FailureCause>;

/**
 * What a try left, stored as the outbox job's last error and the publication's error:
 * `said` the network's own words (never a status code, a token or an internal code);
 * `since` when this cause was first met in a row (an instance unreachable since 16:13).
 */
export const TryFailure = z
  .object({
    cause: FailureCause,
    said: z.string().max(500).optional(),
    since: z.number().int().optional(),
  })
  .strict();
export type TryFailure = z.infer<typeof TryFailure>;

export const encodeFailure = (failure: TryFailure): string => JSON.stringify(failure);

/** A stored failure read back; text from an older version becomes `unknown` with its words (status code dropped). */
export function decodeFailure(stored: string | null): TryFailure | null {
  if (stored === null || stored === '') return null;
  if (stored.startsWith('{')) {
    try {
      const parsed = TryFailure.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data;
    } catch {
      // Not ours: read as old text below.
    }
  }
  return { cause: 'unknown', said: stored.replace(/^\d{3} /u, '').slice(0, 500) };
}
