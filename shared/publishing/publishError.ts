import { z } from 'zod';

/**
 * Why a call to a network did not succeed, in the four kinds the outbox acts on:
 *
 * - retryable: try again later — after `retryAfterMs` when the network said so (429
 *   Retry-After / rate-limit reset), else with backoff (5xx, connection refused or cut).
 *   `outcomeUnknown`: the request may have reached the network and been accepted (cut
 *   after sending, 5xx on the create call): call `lookup` before sending again.
 * - auth: the network refused the credential (401): refresh the token once, then retry.
 * - permanent: the network refused the content or the permission (400/403/404/413/422);
 *   retrying the same request gives the same answer. `networkMessage` is the network's own.
 * - offline: this machine has no network (DNS or route failure): wait for connectivity.
 *
 * `status` 0 means no HTTP answer. `networkMessage` never holds a token or the post's text
 * beyond what the network itself echoed.
 */
export const PublishError = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('retryable'),
    status: z.number().int(),
    networkMessage: z.string(),
    retryAfterMs: z.number().int().nonnegative().optional(),
    outcomeUnknown: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('auth'), status: z.number().int(), networkMessage: z.string() }),
  z.object({
    kind: z.literal('permanent'),
    status: z.number().int(),
    networkMessage: z.string(),
    /** The network's machine-readable code when it gives one (DUPLICATE_POST, InvalidRecord…). */
    networkCode: z.string().optional(),
  }),
  z.object({ kind: z.literal('offline') }),
]);
export type PublishError = z.infer<typeof PublishError>;
export type PublishErrorKind = PublishError['kind'];

/** `networkCode` of a request Plume refuses to send because the account lacks what the network needs. */
export const ACCOUNT_INCOMPLETE = 'plume:account_incomplete';
