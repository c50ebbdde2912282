import { randomBytes } from 'node:crypto';
import { bearer, sendJson, startLoopbackServer } from './loopbackServer';
import type { LoopbackServer } from './loopbackServer';

/**
 * A Bluesky PDS on loopback speaking the real XRPC endpoints, payloads and error bodies
 * (https://docs.bsky.app/docs/api/com-atproto-server-create-session and siblings): sessions
 * from an app password, their refresh (which rotates both tokens) and deletion, getSession,
 * and app.bsky.actor.getProfile (which a real PDS proxies to the AppView).
 */

export const blueskyUser = {
  did: 'did:plc:z72i7hdynmk6r22z27h6tvur',
  handle: 'claire-dupont.bsky.social',
  email: 'claire@example.org',
  displayName: 'Claire Dupont',
  avatar: 'https://cdn.bsky.app/img/avatar/plain/did:plc:z72i7hdynmk6r22z27h6tvur/bafkreiclaire@jpeg',
};

export interface BlueskyServer extends LoopbackServer {
  /** The account's valid app passwords (the user may revoke one in Bluesky's settings). */
  appPasswords: Set<string>;
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
  /** Every session ends (e.g. the user signed out everywhere). */
  revokeSessions(): void;
}

const jwt = (kind: string) => `eyJhbGciOiJFUzI1NksifQ.${kind}.${randomBytes(24).toString('base64url')}`;

export async function startBlueskyServer(appPassword: string): Promise<BlueskyServer> {
  const appPasswords = new Set([appPassword]);
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();

  const session = () => {
    const access = jwt('access');
    const refresh = jwt('refresh');
    accessTokens.add(access);
    refreshTokens.add(refresh);
    return { accessJwt: access, refreshJwt: refresh, handle: blueskyUser.handle, did: blueskyUser.did, active: true };
  };

  const server = await startLoopbackServer((request, res) => {
    const token = bearer(request);
    switch (`${request.method} ${request.path}`) {
      case 'POST /xrpc/com.atproto.server.createSession': {
        const body = JSON.parse(request.body || '{}') as { identifier?: unknown; password?: unknown };
        if (typeof body.identifier !== 'string') {
          return sendJson(res, 400, { error: 'InvalidRequest', message: 'Input must have the property "identifier"' });
        }
        const known = [blueskyUser.handle, blueskyUser.email, blueskyUser.did].includes(body.identifier);
        if (!known || typeof body.password !== 'string' || !appPasswords.has(body.password)) {
          return sendJson(res, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
        }
        return sendJson(res, 200, { ...session(), email: blueskyUser.email, emailConfirmed: true, emailAuthFactor: false });
      }
      case 'POST /xrpc/com.atproto.server.refreshSession': {
        if (token === null || !refreshTokens.has(token)) return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has been revoked' });
        refreshTokens.delete(token);
        return sendJson(res, 200, session());
      }
      case 'GET /xrpc/com.atproto.server.getSession': {
        if (token === null || !accessTokens.has(token)) return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
        return sendJson(res, 200, { handle: blueskyUser.handle, did: blueskyUser.did, email: blueskyUser.email, emailConfirmed: true, active: true });
      }
      case 'GET /xrpc/app.bsky.actor.getProfile': {
        if (token === null || !accessTokens.has(token)) return sendJson(res, 401, { error: 'AuthenticationRequired', message: 'Authentication Required' });
        if (request.query.get('actor') !== blueskyUser.did && request.query.get('actor') !== blueskyUser.handle) {
          return sendJson(res, 400, { error: 'InvalidRequest', message: 'Profile not found' });
        }
        return sendJson(res, 200, {
          did: blueskyUser.did,
          handle: blueskyUser.handle,
          displayName: blueskyUser.displayName,
          avatar: blueskyUser.avatar,
          followersCount: 310,
          followsCount: 120,
          postsCount: 57,
          indexedAt: '2026-01-05T09:00:00.000Z',
        });
      }
      case 'POST /xrpc/com.atproto.server.deleteSession': {
        if (token === null || !refreshTokens.has(token)) return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has been revoked' });
        refreshTokens.delete(token);
        res.writeHead(200);
        return res.end();
      }
      default:
        return sendJson(res, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
    }
  });

  return Object.assign(server, {
    appPasswords,
    accessTokens,
    refreshTokens,
    revokeSessions: () => {
      accessTokens.clear();
      refreshTokens.clear();
    },
  });
}
