import * as oauth from 'oauth4webapi';
import type { OAuthEndpoints } from './endpoints';
import { isLoopbackUrl } from './loopbackUrl';

const REQUEST_TIMEOUT_MS = 15_000;

/** One OAuth client as oauth4webapi sees it: the server's metadata, the client, its auth. */
export interface OAuthClient {
  endpoints: OAuthEndpoints;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  clientId: string;
  clientSecret: string | undefined;
}

export function oauthClient(endpoints: OAuthEndpoints, clientId: string, clientSecret: string | undefined): OAuthClient {
  const as: oauth.AuthorizationServer = {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    ...(endpoints.revocation ? { revocation_endpoint: endpoints.revocation } : {}),
  };
  const auth =
    clientSecret === undefined
      ? oauth.None()
      : endpoints.clientAuth === 'basic'
        ? oauth.ClientSecretBasic(clientSecret)
        : oauth.ClientSecretPost(clientSecret);
  return { endpoints, as, client: { client_id: clientId }, auth, clientId, clientSecret };
}

/**
 * Meta's token endpoints answer `{access_token, user_id}` without the `token_type` RFC 6749
 * requires; their tokens are bearer tokens, so say so before oauth4webapi checks the reply.
 */
async function withBearerTokenType(url: string, init: oauth.CustomFetchOptions<'POST', URLSearchParams>): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const body: unknown = await response.json();
  const patched = typeof body === 'object' && body !== null && !('token_type' in body) ? { ...body, token_type: 'bearer' } : body;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(JSON.stringify(patched), { status: response.status, headers });
}

/** Request options: a time-out always; plain http only towards loopback (tests, local servers). */
export function requestOptions(target: OAuthClient, url: string): oauth.TokenEndpointRequestOptions {
  return {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- http is allowed for loopback hosts only
    ...(isLoopbackUrl(url) ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(target.endpoints.tokenStyle === 'standard' ? {} : { [oauth.customFetch]: withBearerTokenType }),
  };
}

export const revocationOptions = (target: OAuthClient, url: string): oauth.RevocationRequestOptions => ({
  signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- http is allowed for loopback hosts only
  ...(isLoopbackUrl(url) ? { [oauth.allowInsecureRequests]: true } : {}),
});
