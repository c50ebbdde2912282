import * as oauth from 'oauth4webapi';
import { CredentialFailure } from '../failure';
import { facebookPageToken, longLivedToken, refreshLongLivedToken } from './meta';
import type { OAuthClient } from './oauthClient';
import { requestOptions } from './oauthClient';
import { oauthFailure } from './oauthErrors';
import { expiresAtFrom } from './tokenSet';
import type { TokenSet } from './tokenSet';

function tokenSet(response: oauth.TokenEndpointResponse, now: number, previousRefresh?: string): TokenSet {
  const refreshToken = response.refresh_token ?? previousRefresh;
  return {
    accessToken: response.access_token,
    refreshToken,
    expiresAt: expiresAtFrom(now, response.expires_in),
    refreshable: refreshToken !== undefined,
    // RFC 6749 §5.1: space-separated; LinkedIn separates with commas.
    ...(typeof response.scope === 'string' ? { scopes: response.scope.split(/[\s,]+/).filter((scope) => scope !== '') } : {}),
  };
}

/** Authorization code → tokens (RFC 6749 §4.1.3 with the PKCE verifier), then Meta's long-lived step. */
export async function exchangeCode(
  target: OAuthClient,
  callbackParams: URLSearchParams,
  redirectUri: string,
  codeVerifier: string,
  now: number,
  facebookPageId?: string,
): Promise<TokenSet> {
  let tokens: TokenSet;
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      target.as,
      target.client,
      target.auth,
      callbackParams,
      redirectUri,
      codeVerifier,
      requestOptions(target, target.endpoints.token),
    );
    tokens = tokenSet(await oauth.processAuthorizationCodeResponse(target.as, target.client, response), now);
  } catch (error) {
    throw oauthFailure(error, 'oauth_failed');
  }
  switch (target.endpoints.tokenStyle) {
    case 'standard':
      return tokens;
    case 'threads':
    case 'instagram':
      return longLivedToken(target, tokens.accessToken, now);
    case 'facebook': {
      const userToken = await longLivedToken(target, tokens.accessToken, now);
      return facebookPageToken(target, userToken.accessToken, facebookPageId);
    }
  }
}

/**
 * A fresh access token before the current one expires. A refused refresh token (expired,
 * revoked, already rotated) is `reauth_required`: only the user can sign in again.
 */
export async function refreshTokens(target: OAuthClient, current: { accessToken: string; refreshToken?: string | undefined }, now: number): Promise<TokenSet> {
  switch (target.endpoints.tokenStyle) {
    case 'threads':
    case 'instagram':
      return refreshLongLivedToken(target, current.accessToken, now);
    case 'facebook':
      throw new CredentialFailure('token_expired');
    case 'standard':
      break;
  }
  if (current.refreshToken === undefined) throw new CredentialFailure('token_expired');
  try {
    const response = await oauth.refreshTokenGrantRequest(
      target.as,
      target.client,
      target.auth,
      current.refreshToken,
      requestOptions(target, target.endpoints.token),
    );
    return tokenSet(await oauth.processRefreshTokenResponse(target.as, target.client, response), now, current.refreshToken);
  } catch (error) {
    throw oauthFailure(error, 'reauth_required');
  }
}
