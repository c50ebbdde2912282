import * as oauth from 'oauth4webapi';
import type { OAuthClient } from './oauthClient';

export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
}

/**
 * The authorization URL the system browser opens: authorization code grant with PKCE (S256,
 * RFC 7636) and a fresh `state` (RFC 6749 §10.12). The verifier never leaves core; servers that
 * do not know PKCE ignore its parameters (RFC 7636 §5).
 */
export async function authorizationRequest(target: OAuthClient, redirectUri: string): Promise<AuthorizationRequest> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(target.endpoints.authorization);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', target.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', target.endpoints.scopes.join(target.endpoints.scopeSeparator));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.toString(), state, codeVerifier };
}
