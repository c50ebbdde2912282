import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * A real OAuth 2.0 / OpenID Connect server (oidc-provider) on 127.0.0.1, configured the way the
 * networks are: authorization code + refresh token, PKCE (S256) required, one confidential
 * client registered as a native app with a port-less loopback redirect URI — so, per
 * RFC 8252 §7.3, any port is accepted. Its users sign in through oidc-provider's own
 * interaction pages, which `signIn` drives over HTTP like a browser would.
 */

export const OIDC_CLIENT_ID = 'plume-linkedin-app';
export const OIDC_CLIENT_SECRET = 'oidc-client-secret-f3b9c1d7e5a2';
export const OIDC_SCOPES = ['openid', 'profile', 'w_member_social'];

export const member = {
  sub: 'member-claire-4821',
  name: 'Claire Dupont',
  picture: 'https://media.example.org/claire.jpg',
};

/** Storage shared by every model, with a hook to age tokens past their expiry. */
class TestAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: Map<string, AdapterPayload>,
  ) {}

  private key(id: string) {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.store.set(this.key(id), payload);
    if (this.model === 'Session' && typeof payload.uid === 'string') this.store.set(`sessionUid:${payload.uid}`, { id });
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(this.store.get(this.key(id)));
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const ref = this.store.get(`sessionUid:${uid}`);
    return Promise.resolve(typeof ref?.id === 'string' ? this.store.get(this.key(ref.id)) : undefined);
  }

  findByUserCode(): Promise<AdapterPayload | undefined> {
    return Promise.resolve(undefined);
  }

  consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, payload] of this.store) if (payload.grantId === grantId) this.store.delete(key);
    return Promise.resolve();
  }
}

export interface OidcServer {
  issuer: string;
  endpoints: { issuer: string; authorization: string; token: string; revocation: string; whoami: string; scopes: string[] };
  /** Drives the provider's login and consent pages, then follows the redirect to Plume's loopback listener. */
  signIn(authorizationUrl: string, decision: 'approve' | 'deny'): Promise<Response>;
  /** Makes every refresh token the provider issued so far expired. */
  expireRefreshTokens(): void;
  /** How many tokens of a kind the provider currently holds. */
  count(model: 'AccessToken' | 'RefreshToken'): number;
  /** Calls the provider's userinfo endpoint (what LinkedIn's /v2/userinfo is) with a token. */
  userinfoStatus(accessToken: string): Promise<number>;
  close(): Promise<void>;
}

class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair !== undefined && index > 0) this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export async function startOidcServer(): Promise<OidcServer> {
  const store = new Map<string, AdapterPayload>();
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    adapter: (model: string) => new TestAdapter(model, store),
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        application_type: 'native',
        redirect_uris: ['http://127.0.0.1/oauth/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'profile', 'w_member_social'],
    claims: { openid: ['sub'], profile: ['name', 'picture'] },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, name: member.name, picture: member.picture }) }),
    issueRefreshToken: () => true,
    rotateRefreshToken: () => true,
    features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, RefreshToken: 30 * 86400, Interaction: 600, Session: 3600, Grant: 30 * 86400, IdToken: 3600 },
    cookies: { keys: ['plume-test-cookie-key'] },
  });
  // oidc-provider reports expected protocol errors (invalid_grant…) as events; keep the output quiet.
  provider.on('server_error', () => undefined);
  http.on('request', provider.callback());

  const endpoints = {
    issuer,
    authorization: `${issuer}/auth`,
    token: `${issuer}/token`,
    revocation: `${issuer}/token/revocation`,
    whoami: `${issuer}/me`,
    scopes: OIDC_SCOPES,
  };

  async function signIn(authorizationUrl: string, decision: 'approve' | 'deny'): Promise<Response> {
    const jar = new CookieJar();
    let url = authorizationUrl;
    let form: Record<string, string> | null = null;
    for (let step = 0; step < 20; step += 1) {
      const target = new URL(url);
      // Leaving the provider: this is the redirect to Plume's loopback listener.
      if (target.port !== String(port)) return fetch(url);
      const response = await fetch(url, {
        redirect: 'manual',
        ...(form === null
          ? { headers: { cookie: jar.header() } }
          : { method: 'POST', body: new URLSearchParams(form), headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } }),
      });
      jar.store(response);
      form = null;
      const location = response.headers.get('location');
      if (location !== null) {
        url = new URL(location, url).toString();
        continue;
      }
      const page = await response.text();
      const prompt = /name="prompt" value="(login|consent)"/.exec(page)?.[1];
      const uid = /\/interaction\/([^/"?]+)/.exec(target.pathname)?.[1];
      if (prompt === undefined || uid === undefined) throw new Error(`unexpected provider page ${response.status} at ${target.pathname}`);
      if (decision === 'deny') {
        url = `${issuer}/interaction/${uid}/abort`;
        continue;
      }
      form = prompt === 'login' ? { prompt, login: member.sub, password: 'any' } : { prompt };
      url = `${issuer}/interaction/${uid}`;
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    endpoints,
    signIn,
    expireRefreshTokens: () => {
      const past = Math.floor(Date.now() / 1000) - 60;
      for (const [key, payload] of store) if (key.startsWith('RefreshToken:')) payload.exp = past;
    },
    count: (model) => [...store.keys()].filter((key) => key.startsWith(`${model}:`)).length,
    userinfoStatus: async (accessToken) => (await fetch(endpoints.whoami, { headers: { authorization: `Bearer ${accessToken}` } })).status,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
