import { z } from 'zod';
import { none, ok, procedure } from '../procedure';
import { PartnerId } from '../../partners/schema';
import { Account, AccountAvatar, AccountId, ConnectionTest, KeychainStatus, Revocation } from '../../credentials/account';
import { AwaitOAuthInput, BlueskyConnectInput, OAuthFlowId, OAuthFlowState, OAuthStart, StartOAuthInput } from '../../credentials/connect';
import { MailAccount, MailAccountInput, MailTest } from '../../credentials/mail';
import { AppNetwork } from '../../credentials/networks';
import { OAuthApp, OAuthAppInput } from '../../credentials/oauthApp';

/**
 * Network accounts, the user's OAuth apps and the mail account. Secrets appear only in inputs
 * (appPassword, clientSecret, password): they go to the OS keychain and never come back.
 */
export const credentialProcedures = {
  'accounts.list': procedure(
    z.object({ partnerId: PartnerId.optional() }).strict().default({}),
    z.array(Account),
  ),
  'accounts.connectBluesky': procedure(BlueskyConnectInput, Account),
  /** Opens a loopback listener and answers the URL the UI opens in the system browser. */
  'accounts.startOAuth': procedure(StartOAuthInput, OAuthStart),
  /** Long poll on a flow started above; `accounts.oauthFinished` is also emitted. */
  'accounts.awaitOAuth': procedure(AwaitOAuthInput, OAuthFlowState),
  'accounts.cancelOAuth': procedure(z.object({ flowId: OAuthFlowId }).strict(), ok),
  'accounts.test': procedure(z.object({ id: AccountId }).strict(), ConnectionTest),
  'accounts.disconnect': procedure(z.object({ id: AccountId }).strict(), z.object({ revocation: Revocation })),
  /** Probes the keychain (reads no secret), so the UI can say it is locked before anyone types one. */
  'accounts.keychain': procedure(none, KeychainStatus),
  'accounts.avatar': procedure(z.object({ id: AccountId }).strict(), AccountAvatar),

  'accounts.apps.list': procedure(none, z.array(OAuthApp)),
  'accounts.apps.save': procedure(OAuthAppInput, OAuthApp),
  'accounts.apps.remove': procedure(z.object({ network: AppNetwork }).strict(), ok),

  'mail.get': procedure(none, MailAccount.nullable()),
  'mail.save': procedure(MailAccountInput, MailAccount),
  'mail.test': procedure(none, MailTest),
  'mail.remove': procedure(none, ok),
} as const;
