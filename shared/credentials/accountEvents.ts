import { z } from 'zod';
import { PartnerId } from '../partners/schema';
import { AccountId } from './account';
import { CredentialErrorCode } from './errors';

/** An account, an OAuth app or the mail account changed: refetch lists (null = not a partner's). */
export const AccountsChangedEvent = z.object({ type: z.literal('accounts.changed'), partnerId: PartnerId.nullable() });

/** A sign-in started with accounts.startOAuth is over (the UI may also long-poll awaitOAuth). */
export const OAuthFinishedEvent = z.object({
  type: z.literal('accounts.oauthFinished'),
  flowId: z.uuid(),
  status: z.enum(['connected', 'failed']),
  accountId: AccountId.nullable(),
  code: CredentialErrorCode.nullable(),
});
