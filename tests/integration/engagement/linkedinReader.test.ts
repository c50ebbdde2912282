import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLinkedin } from '../../../electron/core/engagement/readers/linkedin';
import { connectorEnvironment } from '../../../electron/core/publishing/connectors/environment';
import { createLinkedinConnector } from '../../../electron/core/publishing/connectors/linkedin/connector';
import { LinkedinServer } from '../../support/fakes/linkedinServer';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
let server: LinkedinServer;
const env = connectorEnvironment({ clock: { now: () => NOW } });

beforeEach(async () => {
  server = new LinkedinServer({ now: () => NOW });
  await server.start();
});

afterEach(async () => {
  await server.close();
});

/** One post published through the Posts API, as the publishing connector does. */
async function published(): Promise<string> {
  const outcome = await createLinkedinConnector(env, { baseUrl: server.url }).publish({
    network: 'linkedin',
    account: { id: 'acc-li', handle: 'Maître Durand', personUrn: server.memberUrn },
    credentials: { kind: 'oauth', accessToken: 'linkedin-token' },
    text: 'Trois points à retenir de la réforme du droit des sociétés.',
    idempotencyKey: 'job-linkedin-engagement',
    jobCreatedAt: NOW - 60_000,
  });
  if (!outcome.ok) throw new Error('not published');
  return outcome.value.remoteId;
}

const read = (remoteId: string, accessToken = 'linkedin-token') =>
  readLinkedin(env, { baseUrl: server.url }, { network: 'linkedin', remoteId, account: { id: 'acc-li', handle: 'Maître Durand' }, credentials: { kind: 'oauth', accessToken } });

describe('LinkedIn figures from socialMetadata', () => {
  it('adds up every reaction type as likes and counts comments as replies, with the versioned headers', async () => {
    const urn = await published();
    server.social.set(urn, { reactions: { LIKE: 14, PRAISE: 3, INTEREST: 1 }, comments: 5 });
    expect(await read(urn)).toEqual({ ok: true, value: { kind: 'figures', figures: { likes: 18, replies: 5 } } });
    const [call] = server.http.received({ method: 'GET', path: /^\/rest\/socialMetadata\// });
    expect(call?.path).toBe(`/rest/socialMetadata/${encodeURIComponent(urn)}`);
    expect(call?.headers['x-restli-protocol-version']).toBe('2.0.0');
  });

  it('reports a deleted post, a refused token and a 429 in the outbox kinds', async () => {
    const urn = await published();
    server.failNext({ kind: 'rateLimited', retryAfter: '30' }, { path: /socialMetadata/ });
    expect(await read(urn)).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 30_000 } });
    expect(await read(urn, 'revoked-token')).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    server.deletePost(urn);
    expect(await read(urn)).toMatchObject({ ok: true, value: { kind: 'deleted' } });
  });
});
