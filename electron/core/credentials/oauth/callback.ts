import { timingSafeEqual } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { CredentialFailure } from '../failure';
import type { OAuthClient } from './oauthClient';
import { oauthFailure } from './oauthErrors';

const sameState = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Checks the redirect that reached the loopback listener: `state` first (a mismatch means the
 * redirect is not the answer to our request: CSRF or a stale tab), then oauth4webapi's checks
 * (issuer when sent, error responses such as a denied consent).
 */
export function validateCallback(target: OAuthClient, params: URLSearchParams, expectedState: string): URLSearchParams {
  const state = params.get('state');
  if (state === null || !sameState(state, expectedState)) throw new CredentialFailure('oauth_state_mismatch');
  try {
    return oauth.validateAuthResponse(target.as, target.client, params, expectedState);
  } catch (error) {
    throw oauthFailure(error, 'oauth_failed');
  }
}
