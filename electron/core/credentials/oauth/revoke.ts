import * as oauth from 'oauth4webapi';
import type { Revocation } from '../../../../shared/credentials/account';
import { isUnreachable } from '../failure';
import type { OAuthClient } from './oauthClient';
import { revocationOptions } from './oauthClient';

/**
 * RFC 7009 revocation of every token we hold, refresh token first (revoking it usually ends
 * the whole grant). Networks without the endpoint answer `not_supported`; the caller deletes
 * the keychain items whatever this returns.
 */
export async function revokeTokens(target: OAuthClient, tokens: { accessToken: string; refreshToken?: string | undefined }): Promise<Revocation> {
  const endpoint = target.endpoints.revocation;
  if (endpoint === null) return 'not_supported';
  const all = [tokens.refreshToken, tokens.accessToken].filter((token): token is string => token !== undefined);
  try {
    for (const token of all) {
      const response = await oauth.revocationRequest(target.as, target.client, target.auth, token, revocationOptions(target, endpoint));
      await oauth.processRevocationResponse(response);
    }
    return 'revoked';
  } catch (error) {
    return isUnreachable(error) ? 'offline' : 'failed';
  }
}
