import * as oauth from 'oauth4webapi';
import type { CredentialErrorCode } from '../../../../shared/credentials/errors';
import { CredentialFailure, isUnreachable } from '../failure';

/**
 * What an error from a token, refresh or revocation request means for the user. `grant`
 * is the code for invalid_grant: a refused authorization code during sign-in, a dead
 * refresh token (expired, revoked, rotated) when refreshing.
 */
export function oauthFailure(error: unknown, grant: CredentialErrorCode): CredentialFailure {
  if (error instanceof CredentialFailure) return error;
  if (isUnreachable(error)) return new CredentialFailure('network_unreachable');
  if (error instanceof oauth.ResponseBodyError) {
    if (error.error === 'invalid_client' || error.error === 'unauthorized_client') return new CredentialFailure('oauth_client_rejected');
    if (error.error === 'invalid_grant') return new CredentialFailure(grant);
    if (error.status === 429) return new CredentialFailure('rate_limited');
    if (error.status >= 500) return new CredentialFailure('server_error');
    return new CredentialFailure('oauth_failed');
  }
  // A 401 with a WWW-Authenticate challenge from a token endpoint: the client was refused.
  if (error instanceof oauth.WWWAuthenticateChallengeError) return new CredentialFailure('oauth_client_rejected');
  if (error instanceof oauth.AuthorizationResponseError) {
    return new CredentialFailure(error.error === 'access_denied' ? 'oauth_denied' : 'oauth_failed');
  }
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response) {
    if (error.cause.status === 429) return new CredentialFailure('rate_limited');
    if (error.cause.status >= 500) return new CredentialFailure('server_error');
  }
  return new CredentialFailure('unexpected_response');
}
