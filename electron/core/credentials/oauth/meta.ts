import { z } from 'zod';
import type { CredentialErrorCode } from '../../../../shared/credentials/errors';
import { CredentialFailure } from '../failure';
import { classifyHttpError, requestJson } from '../http';
import type { ErrorClassifier } from '../http';
import type { OAuthClient } from './oauthClient';
import { expiresAtFrom } from './tokenSet';
import type { TokenSet } from './tokenSet';

/**
 * Meta's non-standard token calls (Threads, Instagram, Facebook): the short-lived token from
 * the code exchange is traded for a 60-day one, which Threads and Instagram renew with their
 * own GET endpoint. Sources are beside each network in endpoints.ts.
 */

const MetaToken = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});

/** Graph error replies: {"error":{"message","type":"OAuthException","code":190,"error_subcode":463}}. */
const GraphError = z.object({
  error: z.object({ code: z.number().optional(), error_subcode: z.number().optional(), type: z.string().optional() }),
});

export const classifyGraphError: ErrorClassifier = (status, body): CredentialErrorCode => {
  const parsed = GraphError.safeParse(body);
  if (parsed.success) {
    const { code, error_subcode: subcode } = parsed.data.error;
    if (code === 190) return subcode === 463 ? 'token_expired' : 'token_revoked';
    if (code === 4 || code === 17 || code === 32 || code === 613) return 'rate_limited';
    if (code === 10 || code === 200) return 'reauth_required';
  }
  return classifyHttpError(status, body);
};

function requireEndpoint(value: string | undefined): string {
  if (value === undefined) throw new CredentialFailure('unexpected_response');
  return value;
}

function requireSecret(target: OAuthClient): string {
  if (target.clientSecret === undefined) throw new CredentialFailure('oauth_app_missing');
  return target.clientSecret;
}

/** Short-lived → long-lived user token. */
export async function longLivedToken(target: OAuthClient, shortLived: string, now: number): Promise<TokenSet> {
  const url = new URL(requireEndpoint(target.endpoints.exchange));
  const secret = requireSecret(target);
  if (target.endpoints.tokenStyle === 'facebook') {
    url.searchParams.set('grant_type', 'fb_exchange_token');
    url.searchParams.set('client_id', target.clientId);
    url.searchParams.set('fb_exchange_token', shortLived);
  } else {
    url.searchParams.set('grant_type', target.endpoints.tokenStyle === 'threads' ? 'th_exchange_token' : 'ig_exchange_token');
    url.searchParams.set('access_token', shortLived);
  }
  url.searchParams.set('client_secret', secret);
  const token = await requestJson({ url }, MetaToken, classifyGraphError);
  return {
    accessToken: token.access_token,
    refreshToken: undefined,
    expiresAt: expiresAtFrom(now, token.expires_in),
    refreshable: target.endpoints.tokenStyle !== 'facebook',
  };
}

/** Threads and Instagram: renew a long-lived token (at least 24 h old, not yet expired). */
export async function refreshLongLivedToken(target: OAuthClient, accessToken: string, now: number): Promise<TokenSet> {
  const url = new URL(requireEndpoint(target.endpoints.refresh));
  url.searchParams.set('grant_type', target.endpoints.tokenStyle === 'threads' ? 'th_refresh_token' : 'ig_refresh_token');
  url.searchParams.set('access_token', accessToken);
  const token = await requestJson({ url }, MetaToken, (status, body) => {
    const code = classifyGraphError(status, body);
    return code === 'token_revoked' || code === 'token_expired' ? 'reauth_required' : code;
  });
  return { accessToken: token.access_token, refreshToken: undefined, expiresAt: expiresAtFrom(now, token.expires_in), refreshable: true };
}

const Pages = z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), access_token: z.string().min(1) })) });

/**
 * Facebook publishes as a Page: its Page token, obtained with a long-lived user token, does
 * not expire. The requested Page, or the first one the user manages.
 */
export async function facebookPageToken(target: OAuthClient, userToken: string, pageId: string | undefined): Promise<TokenSet> {
  const pages = await requestJson({ url: requireEndpoint(target.endpoints.pages), bearer: userToken }, Pages, classifyGraphError);
  const page = pageId === undefined ? pages.data[0] : pages.data.find((candidate) => candidate.id === pageId);
  if (page === undefined) throw new CredentialFailure('facebook_no_page');
  return { accessToken: page.access_token, refreshToken: undefined, expiresAt: null, refreshable: false };
}
