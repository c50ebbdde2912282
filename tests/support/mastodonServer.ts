import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { bearer, sendJson, startLoopbackServer } from './loopbackServer';
import type { LoopbackServer, RecordedRequest } from './loopbackServer';

/**
 * A Mastodon instance on loopback speaking the real endpoints, payloads and error bodies
 * (https://docs.joinmastodon.org/methods/apps/, /methods/oauth/, /methods/accounts/,
 * /entities/Error/): app registration, the OAuth authorization code grant with PKCE S256,
 * token revocation and verify_credentials. The signed-in user approves (or denies) at once.
 */

export const mastodonUser = {
  id: '109348735987265123',
  username: 'claire',
  display_name: 'Claire Dupont',
  avatar: 'https://files.example.social/accounts/avatars/claire.png',
};

interface App {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
}

export interface MastodonServer extends LoopbackServer {
  apps: App[];
  accessTokens: Set<string>;
  /** What the user answers on the authorization page from now on. */
  decide(decision: 'approve' | 'deny'): void;
  /** The user revokes Plume in their settings (or an admin suspends the token). */
  revokeAll(): void;
}

const token = () => randomBytes(24).toString('base64url');

function parseForm(request: RecordedRequest): URLSearchParams {
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const json = JSON.parse(request.body || '{}') as Record<string, string>;
    return new URLSearchParams(json);
  }
  return new URLSearchParams(request.body);
}

export async function startMastodonServer(): Promise<MastodonServer> {
  const apps: App[] = [];
  const grants = new Map<string, Grant>();
  const accessTokens = new Set<string>();
  let decision: 'approve' | 'deny' = 'approve';

  const invalidGrant = (res: ServerResponse) =>
    sendJson(res, 400, {
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    });
  const invalidClient = (res: ServerResponse) =>
    sendJson(res, 401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
    });

  const server = await startLoopbackServer((request, res) => {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'POST /api/v1/apps': {
        const form = parseForm(request);
        const redirectUris = (form.get('redirect_uris') ?? '').split(/\s+/).filter(Boolean);
        if (!form.get('client_name')) return sendJson(res, 422, { error: "Validation failed: Application name can't be blank" });
        if (redirectUris.length === 0) return sendJson(res, 422, { error: "Validation failed: Redirect URI can't be blank" });
        const app: App = { clientId: token(), clientSecret: token(), redirectUris, scopes: form.get('scopes') ?? 'read' };
        apps.push(app);
        return sendJson(res, 200, {
          id: String(apps.length),
          name: form.get('client_name'),
          website: form.get('website'),
          scopes: app.scopes.split(' '),
          redirect_uri: redirectUris.join('\n'),
          redirect_uris: redirectUris,
          client_id: app.clientId,
          client_secret: app.clientSecret,
          client_secret_expires_at: 0,
        });
      }
      case 'GET /oauth/authorize': {
        const q = request.query;
        const app = apps.find((candidate) => candidate.clientId === q.get('client_id'));
        const redirectUri = q.get('redirect_uri') ?? '';
        if (!app || !app.redirectUris.includes(redirectUri)) {
          res.writeHead(400, { 'Content-Type': 'text/html' });
          return res.end('<p>The redirect uri included is not valid.</p>');
        }
        const target = new URL(redirectUri);
        const state = q.get('state');
        if (state !== null) target.searchParams.set('state', state);
        if (decision === 'deny' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
          target.searchParams.set('error', 'access_denied');
          target.searchParams.set('error_description', 'The resource owner or authorization server denied the request.');
        } else {
          const code = token();
          grants.set(code, { clientId: app.clientId, redirectUri, challenge: q.get('code_challenge') ?? '' });
          target.searchParams.set('code', code);
        }
        res.writeHead(302, { Location: target.toString() });
        return res.end();
      }
      case 'POST /oauth/token': {
        const form = parseForm(request);
        const app = apps.find((candidate) => candidate.clientId === form.get('client_id'));
        if (!app || app.clientSecret !== form.get('client_secret')) return invalidClient(res);
        if (form.get('grant_type') !== 'authorization_code') return sendJson(res, 400, { error: 'unsupported_grant_type' });
        const grant = grants.get(form.get('code') ?? '');
        grants.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.clientId !== app.clientId || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
          return invalidGrant(res);
        }
        const access = token();
        accessTokens.add(access);
        return sendJson(res, 200, { access_token: access, token_type: 'Bearer', scope: app.scopes, created_at: Math.floor(Date.now() / 1000) });
      }
      case 'POST /oauth/revoke': {
        const form = parseForm(request);
        const app = apps.find((candidate) => candidate.clientId === form.get('client_id'));
        if (!app || app.clientSecret !== form.get('client_secret')) {
          return sendJson(res, 403, { error: 'unauthorized_client', error_description: 'You are not authorized to revoke this token' });
        }
        accessTokens.delete(form.get('token') ?? '');
        return sendJson(res, 200, {});
      }
      case 'GET /api/v1/accounts/verify_credentials': {
        const access = bearer(request);
        if (access === null || !accessTokens.has(access)) return sendJson(res, 401, { error: 'The access token is invalid' });
        const host = request.headers.host ?? '';
        return sendJson(res, 200, {
          ...mastodonUser,
          acct: mastodonUser.username,
          url: `http://${host}/@${mastodonUser.username}`,
          avatar_static: mastodonUser.avatar,
          locked: false,
          bot: false,
          created_at: '2022-11-10T00:00:00.000Z',
          note: '',
          followers_count: 120,
          following_count: 80,
          statuses_count: 42,
          source: { privacy: 'public', sensitive: false, language: 'fr', note: '', fields: [] },
        });
      }
      default:
        return sendJson(res, 404, { error: 'Record not found' });
    }
  });

  return Object.assign(server, {
    apps,
    accessTokens,
    decide: (next: 'approve' | 'deny') => {
      decision = next;
    },
    revokeAll: () => accessTokens.clear(),
  });
}
