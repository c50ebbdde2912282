import { z } from 'zod';
import { requestJson } from '../http';
import { avatarUrl } from './identity';
import type { Identity } from './identity';

/** https://docs.joinmastodon.org/entities/Account/ (the fields Plume shows). */
const CredentialAccount = z.object({
  id: z.string().min(1),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().default(''),
  avatar: z.string().nullish(),
});

/**
 * GET /api/v1/accounts/verify_credentials. A revoked or unknown token answers 401
 * {"error":"The access token is invalid"}; a suspended or disabled login 403.
 */
export async function mastodonWhoami(whoamiUrl: string, accessToken: string): Promise<Identity> {
  const account = await requestJson({ url: whoamiUrl, bearer: accessToken }, CredentialAccount);
  const host = new URL(whoamiUrl).host;
  const acct = account.acct.includes('@') ? account.acct : `${account.acct}@${host}`;
  return {
    externalId: account.id,
    handle: `@${acct}`,
    displayName: account.display_name || account.username,
    avatarUrl: avatarUrl(account.avatar),
  };
}
