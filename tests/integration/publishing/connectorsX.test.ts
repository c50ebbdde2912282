import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectorEnvironment } from '../../../electron/core/publishing/connectors/environment';
import type { Connector } from '../../../electron/core/publishing/connectors/port';
import { createXConnector } from '../../../electron/core/publishing/connectors/x/connector';
import type { PublishRequest } from '../../../shared/publishing/port';
import { XServer } from '../../support/fakes/xServer';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 5, 5, 5, 5]);
const TEXT = 'Q&A <live> ce soir : fiscalité des holdings. Inscription https://durand-avocats.fr/live?src=x & replay.';

let server: XServer;
let clock: number;
let slept: number[];
let connector: Connector;

const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  network: 'x',
  account: { id: 'acc-x', handle: '@MaitreDurand' },
  credentials: { kind: 'oauth', accessToken: 'x-token' },
  text: TEXT,
  media: [],
  idempotencyKey: 'job-x-0001',
  jobCreatedAt: NOW - 60_000,
  ...overrides,
});

async function startServer(options: ConstructorParameters<typeof XServer>[0] = {}): Promise<void> {
  server = new XServer({ now: () => clock, ...options });
  await server.start();
  connector = createXConnector(
    connectorEnvironment({
      clock: { now: () => clock },
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    }),
    { baseUrl: server.url },
  );
}

beforeEach(async () => {
  clock = NOW;
  slept = [];
  await startServer();
});

afterEach(async () => {
  await server.close();
});

describe('X connector against the loopback API v2', () => {
  it('posts the text with an image uploaded through v2 media and its alt text as metadata', async () => {
    const outcome = await connector.publish(request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: 'Affiche du live' }] }));

    expect(server.tweets).toHaveLength(1);
    const [tweet] = server.tweets;
    expect(tweet?.text).toBe(TEXT);
    const media = server.media.get(tweet?.mediaIds[0] ?? '');
    expect(media).toMatchObject({ category: 'tweet_image', mimeType: 'image/png', alt: 'Affiche du live' });
    expect(media?.bytes.equals(Buffer.from(PNG))).toBe(true);
    expect(outcome).toEqual({ ok: true, value: { remoteId: tweet?.id, url: `https://x.com/MaitreDurand/status/${tweet?.id ?? ''}`, scheduledRemotely: false } });
  });

  it('polls media STATUS while X processes it', async () => {
    await server.close();
    await startServer({ mediaProcessingPolls: 2 });
    const outcome = await connector.publish(request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: '' }] }));

    expect(outcome.ok).toBe(true);
    expect(server.http.received({ method: 'GET', path: /^\/2\/media\/upload$/ })).toHaveLength(2);
    expect(slept).toEqual([1000, 1000]);
    // No alt text: no metadata call.
    expect(server.http.received({ path: /metadata$/ })).toHaveLength(0);
  });

  it('reports 429 as retryable until x-rate-limit-reset (epoch seconds), or Retry-After when sent', async () => {
    server.failNext({ kind: 'rateLimited', resetAt: NOW + 15 * 60_000 });
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'retryable', status: 429, networkMessage: 'Too Many Requests', retryAfterMs: 900_000 } });

    server.failNext({ kind: 'rateLimited', retryAfter: '45', resetAt: NOW + 15 * 60_000 });
    expect(await connector.publish(request())).toMatchObject({ ok: false, error: { retryAfterMs: 45_000 } });
    expect(server.tweets).toHaveLength(0);
  });

  it('reports 401 as auth', async () => {
    server.failNext({ kind: 'unauthorized' });
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'auth', status: 401, networkMessage: 'Unauthorized' } });
  });

  it('reports a 5xx on the post call as retryable with an unknown outcome', async () => {
    server.failNext({ kind: 'serverError' }, { path: /^\/2\/tweets$/ });
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'retryable', status: 503, networkMessage: 'Service Unavailable', outcomeUnknown: true } });
  });

  it('reports 400 as permanent with X’s own message from the problem body', async () => {
    server.failNext({ kind: 'badRequest', message: 'Your media IDs are invalid.' }, { path: /^\/2\/tweets$/ });
    expect(await connector.publish(request())).toEqual({
      ok: false,
      error: { kind: 'permanent', status: 400, networkMessage: 'Your media IDs are invalid.', networkCode: 'https://api.twitter.com/2/problems/invalid-request' },
    });
  });

  it('finds a post X took before the connection dropped, despite t.co links, HTML escaping and the media link', async () => {
    server.dropNextPost();
    const job = request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: 'Affiche' }] });

    const first = await connector.publish(job);
    expect(first).toMatchObject({ ok: false, error: { kind: 'retryable', status: 0, outcomeUnknown: true } });
    expect(server.tweets).toHaveLength(1);
    const id = server.tweets[0]?.id ?? '';
    expect(server.tweets[0]?.storedText).toMatch(/^Q&A <live> .* https:\/\/t\.co\/\w+ & replay\. https:\/\/t\.co\/\w+$/);

    expect(await connector.lookup(job)).toEqual({ ok: true, value: { kind: 'found', remoteId: id, url: `https://x.com/MaitreDurand/status/${id}`, scheduledRemotely: false } });

    // A blind retry: X refuses the duplicate, the connector recognises its own post.
    const again = await connector.publish(job);
    expect(again).toEqual({ ok: true, value: { remoteId: id, url: `https://x.com/MaitreDurand/status/${id}`, scheduledRemotely: false, recovered: true } });
    expect(server.tweets).toHaveLength(1);
  });

  it('keeps X’s duplicate refusal as permanent when the identical post predates the job', async () => {
    await connector.publish(request());
    clock = NOW + 3 * 3_600_000;
    const outcome = await connector.publish(request({ idempotencyKey: 'job-x-0002', jobCreatedAt: clock - 60_000 }));
    expect(outcome).toEqual({ ok: false, error: { kind: 'permanent', status: 403, networkMessage: 'You are not allowed to create a Tweet with duplicate content.', networkCode: 'Forbidden' } });
  });

  it('answers notFound when no recent post of the account has this text', async () => {
    await connector.publish(request({ text: 'Un autre sujet', idempotencyKey: 'job-x-0003' }));
    expect(await connector.lookup(request())).toEqual({ ok: true, value: { kind: 'notFound' } });
  });
});
