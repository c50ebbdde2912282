import { z } from 'zod';
import { PartnerId } from '../partners/schema';
import { Network } from '../posts/networks';
import { CredentialErrorCode } from './errors';

/**
 * connected: the last check with the network succeeded; expired: the token's lifetime is over
 * and cannot be renewed without the user; needs_reauth: the network refused the credential
 * (revoked token, changed password); untested: stored but never checked.
 */
export const accountStatuses = ['connected', 'expired', 'needs_reauth', 'untested'] as const;
export const AccountStatus = z.enum(accountStatuses);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const AccountId = z.uuid();

/** What the UI sees of an account: never a secret, never the keychain reference. */
export const Account = z.object({
  id: AccountId,
  partnerId: PartnerId,
  network: Network,
  handle: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  instanceUrl: z.string().nullable(),
  status: AccountStatus,
  lastErrorCode: CredentialErrorCode.nullable(),
  tokenExpiresAt: z.number().int().nullable(),
  lastTestedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Account = z.infer<typeof Account>;

/**
 * The result of "Test connection". An unreachable network is `offline`, not a failure: the
 * account keeps its status and the UI says so calmly.
 */
export const ConnectionTest = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), account: Account }),
  z.object({ outcome: z.literal('offline'), account: Account }),
  z.object({ outcome: z.literal('failed'), code: CredentialErrorCode, messageKey: z.string(), account: Account }),
]);
export type ConnectionTest = z.infer<typeof ConnectionTest>;

/** What "Disconnect" managed on the network's side; the keychain items are gone in every case. */
export const Revocation = z.enum(['revoked', 'not_supported', 'failed', 'offline']);
export type Revocation = z.infer<typeof Revocation>;

/** Whether the OS keychain answers right now: false when it is locked or absent. */
export const KeychainStatus = z.object({ available: z.boolean() });
export type KeychainStatus = z.infer<typeof KeychainStatus>;

/** An account's picture as a data URL fetched by core (the UI loads no remote image); null when none. */
export const AccountAvatar = z.object({ dataUrl: z.string().startsWith('data:image/').nullable() });
export type AccountAvatar = z.infer<typeof AccountAvatar>;
