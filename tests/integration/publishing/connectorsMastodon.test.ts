import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectorEnvironment } from '../../../electron/core/publishing/connectors/environment';
import { createMastodonConnector } from '../../../electron/core/publishing/connectors/mastodon/connector';
import { mastodonInstanceLimits } from '../../../electron/core/publishing/connectors/mastodon/instanceLimits';
import type { Connector, ConnectorEnvironment } from '../../../electron/core/publishing/connectors/port';
import type { PublishRequest } from '../../../shared/publishing/port';
import { MastodonServer } from '../../support/fakes/mastodonServer';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const TEXT = 'Réforme du droit des sociétés : ce qui change au 1er janvier. https://example.fr/article';

let server: MastodonServer;
let env: ConnectorEnvironment;
let connector: Connector;
let slept: number[] = [];

const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  network: 'mastodon',
  account: { id: 'acc-1', handle: '@maitre_durand', instanceUrl: server.url },
  credentials: { kind: 'oauth', accessToken: 'mastodon-token' },
  text: TEXT,
  media: [],
  idempotencyKey: 'job-mastodon-0001',
  jobCreatedAt: NOW - 60_000,
  ...overrides,
});

async function startServer(options: ConstructorParameters<typeof MastodonServer>[0] = {}): Promise<void> {
  server = new MastodonServer({ now: () => NOW, ...options });
  await server.start();
}

/** The JSON body of the last POST /api/v1/statuses the instance received. */
function lastStatusBody(): Record<string, unknown> {
  const posts = server.http.received({ method: 'POST', path: /^\/api\/v1\/statuses$/ });
  const last = posts.at(-1);
  if (last === undefined) throw new Error('no status was posted');
  return JSON.parse(last.body.toString('utf8')) as Record<string, unknown>;
}

beforeEach(async () => {
  await startServer();
  slept = [];
  env = connectorEnvironment({
    clock: { now: () => NOW },
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  });
  connector = createMastodonConnector(env);
});

afterEach(async () => {
  await server.close();
});

describe('Mastodon connector against a loopback instance', () => {
  it('publishes the approved text with an image, its alt text as the media description, once', async () => {
    const outcome = await connector.publish(request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: 'Le palais de justice de Paris, façade' }], language: 'fr' }));

    expect(outcome).toMatchObject({ ok: true, value: { scheduledRemotely: false } });
    expect(server.statuses).toHaveLength(1);
    const [status] = server.statuses;
    expect(status?.text).toBe(TEXT);
    expect(status).toMatchObject({ language: 'fr', visibility: 'public', idempotencyKey: 'job-mastodon-0001' });
    const media = server.media.get(status?.mediaIds[0] ?? '');
    expect(media).toMatchObject({ description: 'Le palais de justice de Paris, façade', mimeType: 'image/png' });
    expect(media?.bytes.equals(Buffer.from(PNG))).toBe(true);
    expect(outcome.ok && outcome.value).toEqual({ remoteId: status?.id, url: server.statusUrl(status?.id ?? ''), scheduledRemotely: false });
  });

  it('waits for media the instance processes in the background (202, then 206 until 200)', async () => {
    await server.close();
    await startServer({ mediaProcessingPolls: 3 });

    const outcome = await createMastodonConnector(env).publish(request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: 'Graphique' }] }));

    expect(outcome.ok).toBe(true);
    expect(server.http.received({ method: 'GET', path: /^\/api\/v1\/media\// })).toHaveLength(3);
    expect(slept).toEqual([1000, 1000, 1000]);
    expect(server.statuses[0]?.mediaIds).toHaveLength(1);
  });

  it('hands a post due in two hours to the instance scheduler, so it goes out with the laptop closed', async () => {
    const due = NOW + 2 * 3_600_000;
    const outcome = await connector.publish(request({ scheduledAt: due }));

    expect(outcome).toMatchObject({ ok: true, value: { scheduledRemotely: true, url: null } });
    expect(server.statuses).toHaveLength(0);
    expect(server.scheduled).toEqual([expect.objectContaining({ scheduledAt: due, text: TEXT, idempotencyKey: 'job-mastodon-0001' })]);
    expect(lastStatusBody().scheduled_at).toBe(new Date(due).toISOString());
    expect(outcome.ok && outcome.value.remoteId).toBe(server.scheduled[0]?.id);
  });

  it('publishes at once a post due in under five minutes (the instance refuses to schedule it)', async () => {
    const outcome = await connector.publish(request({ scheduledAt: NOW + 4 * 60_000 }));

    expect(outcome).toMatchObject({ ok: true, value: { scheduledRemotely: false } });
    expect(server.statuses).toHaveLength(1);
    expect(lastStatusBody()).not.toHaveProperty('scheduled_at');
  });

  it('reads the character limit and URL weight from the instance (v2), and from v1 on older servers', async () => {
    await server.close();
    await startServer({ maxCharacters: 1000, charactersReservedPerUrl: 23 });
    expect(await mastodonInstanceLimits(env, server.url)).toEqual({
      ok: true,
      value: { maxCharacters: 1000, charactersReservedPerUrl: 23, maxMediaAttachments: 4, imageSizeLimit: 16777216, supportedMimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'], source: 'v2' },
    });

    await server.close();
    await startServer({ maxCharacters: 5000, v1InstanceOnly: true });
    const v1 = await mastodonInstanceLimits(env, server.url);
    expect(v1).toMatchObject({ ok: true, value: { maxCharacters: 5000, source: 'v1' } });
  });

  it('reports 429 as retryable after Retry-After given in seconds, and stores nothing', async () => {
    server.failNext({ kind: 'rateLimited', retryAfter: '120' }, { method: 'POST', path: /statuses$/ });

    const outcome = await connector.publish(request());

    expect(outcome).toEqual({ ok: false, error: { kind: 'retryable', status: 429, networkMessage: 'Too many requests', retryAfterMs: 120_000 } });
    expect(server.statuses).toHaveLength(0);
  });

  it('honours a Retry-After given as an HTTP-date, and X-RateLimit-Reset when there is none', async () => {
    server.failNext({ kind: 'rateLimited', retryAfter: new Date(NOW + 90_000).toUTCString() });
    expect(await connector.publish(request())).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 90_000 } });

    server.failNext({ kind: 'rateLimited', resetAt: NOW + 7 * 60_000 });
    expect(await connector.publish(request())).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 420_000 } });
  });

  it('reports 401 as auth, with the instance message', async () => {
    server.failNext({ kind: 'unauthorized' });
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'auth', status: 401, networkMessage: 'The access token is invalid' } });
  });

  it('reports a 500 HTML page on the status call as retryable with an unknown outcome', async () => {
    server.failNext({ kind: 'serverError' }, { method: 'POST', path: /statuses$/ });
    expect(await connector.publish(request())).toEqual({
      ok: false,
      error: { kind: 'retryable', status: 500, networkMessage: 'HTTP 500 Internal Server Error', outcomeUnknown: true },
    });
  });

  it('reports 422 as permanent with the instance’s own message', async () => {
    await server.close();
    await startServer({ maxCharacters: 50 });
    expect(await connector.publish(request())).toEqual({
      ok: false,
      error: { kind: 'permanent', status: 422, networkMessage: 'Validation failed: Text character limit of 50 exceeded' },
    });
  });

  it('finds a post the instance accepted before the connection dropped, and never posts it twice', async () => {
    server.dropNextPost();

    const first = await connector.publish(request());
    expect(first).toMatchObject({ ok: false, error: { kind: 'retryable', status: 0, outcomeUnknown: true } });
    expect(server.statuses).toHaveLength(1);

    const found = await connector.lookup(request());
    expect(found).toEqual({ ok: true, value: { kind: 'found', remoteId: server.statuses[0]?.id, url: server.statusUrl(server.statuses[0]?.id ?? ''), scheduledRemotely: false } });

    // Even a blind retry is safe: the same Idempotency-Key answers the first status again.
    const again = await connector.publish(request());
    expect(again).toMatchObject({ ok: true, value: { remoteId: server.statuses[0]?.id } });
    expect(server.statuses).toHaveLength(1);
  });

  it('finds a scheduled post by its idempotency key, then as a status once the instance has published it', async () => {
    server.dropNextPost();
    await connector.publish(request({ scheduledAt: NOW + 3_600_000 }));
    const scheduledId = server.scheduled[0]?.id ?? '';

    expect(await connector.lookup(request({ scheduledAt: NOW + 3_600_000 }))).toEqual({
      ok: true,
      value: { kind: 'found', remoteId: scheduledId, url: null, scheduledRemotely: true },
    });

    const status = server.publishScheduled(scheduledId);
    expect(await connector.lookup(request({ scheduledAt: NOW + 3_600_000 }))).toMatchObject({ ok: true, value: { kind: 'found', remoteId: status?.id } });
  });

  it('answers notFound when the instance holds no such post, even with other posts of the account', async () => {
    await connector.publish(request({ text: 'Un autre message', idempotencyKey: 'job-mastodon-0099' }));
    expect(await connector.lookup(request())).toEqual({ ok: true, value: { kind: 'notFound' } });
  });

  it('reports a machine without network as offline', async () => {
    const offline = createMastodonConnector({
      ...env,
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND fake.social'), { code: 'ENOTFOUND' }) })),
    });
    expect(await offline.publish(request())).toEqual({ ok: false, error: { kind: 'offline' } });
  });

  it('refuses a plain-http instance that is not on this machine, before sending any token', async () => {
    const outcome = await connector.publish(request({ account: { id: 'acc-1', handle: '@x', instanceUrl: 'http://mastodon.example' } }));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', status: 0 } });
  });
});
