import type { AppNetwork, OAuthNetwork } from '../../../../shared/credentials/networks';

/**
 * How Plume talks OAuth 2.0 to one network. `standard` networks follow RFC 6749 (+ RFC 7009
 * revocation) and are driven by oauth4webapi end to end; Meta's networks add a non-standard
 * exchange of the short-lived token for a long-lived one and their own refresh call.
 */
export type TokenStyle = 'standard' | 'threads' | 'instagram' | 'facebook';

export interface OAuthEndpoints {
  /** Compared with the `iss` of an authorization response when the server sends one (RFC 9207). */
  issuer: string;
  authorization: string;
  token: string;
  /** RFC 7009 endpoint; null where the network offers none. */
  revocation: string | null;
  scopes: readonly string[];
  scopeSeparator: ' ' | ',';
  /** How the client secret is sent; without a secret the client is public (client_id only). */
  clientAuth: 'post' | 'basic';
  tokenStyle: TokenStyle;
  /** The network's who-am-I endpoint. */
  whoami: string;
  /** Meta: long-lived token exchange, refresh, and (Facebook) the user's Pages. */
  exchange?: string;
  refresh?: string;
  pages?: string;
}

/** Meta Graph API version used for Facebook (Threads and Instagram have their own hosts). */
export const GRAPH_VERSION = 'v23.0';

export const networkEndpoints: Record<AppNetwork, OAuthEndpoints> = {
  // https://learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow
  // https://learn.microsoft.com/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
  // (issuer from https://www.linkedin.com/oauth/.well-known/openid-configuration)
  linkedin: {
    issuer: 'https://www.linkedin.com/oauth',
    authorization: 'https://www.linkedin.com/oauth/v2/authorization',
    token: 'https://www.linkedin.com/oauth/v2/accessToken',
    revocation: 'https://www.linkedin.com/oauth/v2/revoke',
    scopes: ['openid', 'profile', 'w_member_social'],
    scopeSeparator: ' ',
    clientAuth: 'post',
    tokenStyle: 'standard',
    whoami: 'https://api.linkedin.com/v2/userinfo',
  },
  // https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code
  // https://docs.x.com/x-api/users/user-lookup-me
  x: {
    issuer: 'https://x.com',
    authorization: 'https://x.com/i/oauth2/authorize',
    token: 'https://api.x.com/2/oauth2/token',
    revocation: 'https://api.x.com/2/oauth2/revoke',
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
    scopeSeparator: ' ',
    clientAuth: 'basic',
    tokenStyle: 'standard',
    whoami: 'https://api.x.com/2/users/me?user.fields=profile_image_url',
  },
  // https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
  // https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
  // https://developers.facebook.com/docs/pages-api/getting-started (GET /me/accounts → Page tokens)
  facebook: {
    issuer: 'https://www.facebook.com',
    authorization: `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`,
    token: `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`,
    revocation: null,
    scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
    scopeSeparator: ',',
    clientAuth: 'post',
    tokenStyle: 'facebook',
    whoami: `https://graph.facebook.com/${GRAPH_VERSION}/me?fields=id,name,picture`,
    exchange: `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`,
    pages: `https://graph.facebook.com/${GRAPH_VERSION}/me/accounts?fields=id,name,access_token`,
  },
  // https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
  // https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
  instagram: {
    issuer: 'https://www.instagram.com',
    authorization: 'https://www.instagram.com/oauth/authorize',
    token: 'https://api.instagram.com/oauth/access_token',
    revocation: null,
    scopes: ['instagram_business_basic', 'instagram_business_content_publish'],
    scopeSeparator: ',',
    clientAuth: 'post',
    tokenStyle: 'instagram',
    whoami: 'https://graph.instagram.com/me?fields=user_id,username,name,profile_picture_url',
    exchange: 'https://graph.instagram.com/access_token',
    refresh: 'https://graph.instagram.com/refresh_access_token',
  },
  // https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions
  // https://developers.facebook.com/docs/threads/get-started/long-lived-tokens
  threads: {
    issuer: 'https://www.threads.net',
    authorization: 'https://threads.net/oauth/authorize',
    token: 'https://graph.threads.net/oauth/access_token',
    revocation: null,
    scopes: ['threads_basic', 'threads_content_publish'],
    scopeSeparator: ',',
    clientAuth: 'post',
    tokenStyle: 'threads',
    whoami: 'https://graph.threads.net/v1.0/me?fields=id,username,name,threads_profile_picture_url',
    exchange: 'https://graph.threads.net/access_token',
    refresh: 'https://graph.threads.net/refresh_access_token',
  },
};

/**
 * Mastodon, per instance: https://docs.joinmastodon.org/methods/oauth/ (authorize, token,
 * revoke; PKCE S256 since 4.3), https://docs.joinmastodon.org/methods/apps/ (POST /api/v1/apps)
 * and https://docs.joinmastodon.org/methods/accounts/#verify_credentials.
 */
export function mastodonEndpoints(instance: URL): OAuthEndpoints & { apps: string } {
  const at = (path: string) => new URL(path, instance).toString();
  return {
    issuer: at('/'),
    authorization: at('/oauth/authorize'),
    token: at('/oauth/token'),
    revocation: at('/oauth/revoke'),
    scopes: ['read:accounts', 'write:statuses', 'write:media'],
    scopeSeparator: ' ',
    clientAuth: 'post',
    tokenStyle: 'standard',
    whoami: at('/api/v1/accounts/verify_credentials'),
    apps: at('/api/v1/apps'),
  };
}

/** Replacement endpoints per network, so tests can point a network at a loopback server. */
export type EndpointOverrides = Partial<Record<Exclude<OAuthNetwork, 'mastodon'>, Partial<OAuthEndpoints>>>;

export const endpointsFor = (network: AppNetwork, overrides: EndpointOverrides = {}): OAuthEndpoints => ({
  ...networkEndpoints[network],
  ...overrides[network],
});
