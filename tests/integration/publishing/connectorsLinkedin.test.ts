import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectorEnvironment } from '../../../electron/core/publishing/connectors/environment';
import { createLinkedinConnector, DEFAULT_LINKEDIN_VERSION } from '../../../electron/core/publishing/connectors/linkedin/connector';
import type { Connector } from '../../../electron/core/publishing/connectors/port';
import type { PublishRequest } from '../../../shared/publishing/port';
import { ACCOUNT_INCOMPLETE } from '../../../shared/publishing/publishError';
import { LinkedinServer } from '../../support/fakes/linkedinServer';
import { renderLittle } from '../../support/fakes/littleText';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 7, 7]);

let server: LinkedinServer;
let connector: Connector;

const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  network: 'linkedin',
  account: { id: 'acc-li', handle: 'Maître Durand', personUrn: server.memberUrn },
  credentials: { kind: 'oauth', accessToken: 'linkedin-token' },
  text: 'Trois points à retenir de la réforme du droit des sociétés.',
  media: [],
  idempotencyKey: 'job-linkedin-0001',
  jobCreatedAt: NOW - 60_000,
  ...overrides,
});

const lastPostBody = (): Record<string, unknown> => {
  const last = server.http.received({ method: 'POST', path: /^\/rest\/posts$/ }).at(-1);
  if (last === undefined) throw new Error('no post');
  return JSON.parse(last.body.toString('utf8')) as Record<string, unknown>;
};

beforeEach(async () => {
  server = new LinkedinServer({ now: () => NOW });
  await server.start();
  connector = createLinkedinConnector(connectorEnvironment({ clock: { now: () => NOW } }), { baseUrl: server.url });
});

afterEach(async () => {
  await server.close();
});

describe('LinkedIn connector against the loopback REST API', () => {
  it('publishes through the Posts API with an uploaded image and its alt text, named by x-restli-id', async () => {
    const outcome = await connector.publish(request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: 'Infographie : les trois points' }] }));

    expect(server.posts).toHaveLength(1);
    const [post] = server.posts;
    const [image] = [...server.images.values()];
    expect(image?.bytes?.equals(Buffer.from(PNG))).toBe(true);
    expect(lastPostBody()).toEqual({
      author: server.memberUrn,
      commentary: 'Trois points à retenir de la réforme du droit des sociétés.',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      content: { media: { id: image?.urn, altText: 'Infographie : les trois points' } },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
    expect(post?.version).toBe(DEFAULT_LINKEDIN_VERSION);
    const [sent] = server.http.received({ method: 'POST', path: /^\/rest\/posts$/ });
    expect(sent?.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(outcome).toEqual({ ok: true, value: { remoteId: post?.urn, url: `https://www.linkedin.com/feed/update/${post?.urn ?? ''}/`, scheduledRemotely: false } });
  });

  it('sends several images as a multiImage, each with its alt text', async () => {
    await connector.publish(request({ media: [{ bytes: PNG, mimeType: 'image/png', alt: 'Premier' }, { bytes: JPEG, mimeType: 'image/jpeg', alt: 'Second' }] }));
    const urns = [...server.images.values()].map((image) => image.urn);
    expect(lastPostBody().content).toEqual({ multiImage: { images: [{ id: urns[0], altText: 'Premier' }, { id: urns[1], altText: 'Second' }] } });
  });

  it('escapes every little-format reserved character, so LinkedIn shows the whole approved text', async () => {
    const text = 'Honoraires \\ forfait | {A} @ [note] (art. 10) <2026> # ~50 *important* _souligné_ — fin.';
    await connector.publish(request({ text }));

    const { commentary } = lastPostBody();
    expect(commentary).toBe('Honoraires \\\\ forfait \\| \\{A\\} \\@ \\[note\\] \\(art. 10\\) \\<2026\\> \\# \\~50 \\*important\\* \\_souligné\\_ — fin.');
    expect(renderLittle(String(commentary))).toEqual({ text, mentions: [], hashtags: [], cutAt: undefined });
  });

  it('keeps #hashtags as LinkedIn hashtags and escapes a # that starts none', async () => {
    const text = 'Veille #DroitDesSociétés : C# et #2026, mais pas # seul ni a#b.';
    await connector.publish(request({ text }));

    const rendered = renderLittle(String(lastPostBody().commentary));
    expect(rendered).toEqual({ text, mentions: [], hashtags: ['DroitDesSociétés', '2026'], cutAt: undefined });
  });

  it('sends mentions as @[Name](urn:li:person:…), names escaped too', async () => {
    const text = 'Merci à @Jeanne Dupont et au Cabinet (Paris) pour leur relecture !';
    const mentions = [
      { start: text.indexOf('@Jeanne'), end: text.indexOf('@Jeanne') + '@Jeanne Dupont'.length, urn: 'urn:li:person:aB3xY9' },
      { start: text.indexOf('Cabinet'), end: text.indexOf('Cabinet') + 'Cabinet (Paris)'.length, urn: 'urn:li:organization:2414183' },
    ];
    await connector.publish(request({ text, mentions }));

    const { commentary } = lastPostBody();
    expect(commentary).toBe('Merci à @[Jeanne Dupont](urn:li:person:aB3xY9) et au @[Cabinet \\(Paris\\)](urn:li:organization:2414183) pour leur relecture !');
    expect(renderLittle(String(commentary))).toMatchObject({
      text: 'Merci à Jeanne Dupont et au Cabinet (Paris) pour leur relecture !',
      mentions: [
        { name: 'Jeanne Dupont', urn: 'urn:li:person:aB3xY9' },
        { name: 'Cabinet (Paris)', urn: 'urn:li:organization:2414183' },
      ],
      cutAt: undefined,
    });
  });

  it('reports 429 as retryable, honouring Retry-After as an HTTP-date when LinkedIn sends one', async () => {
    server.failNext({ kind: 'rateLimited' });
    expect(await connector.publish(request())).toEqual({
      ok: false,
      error: { kind: 'retryable', status: 429, networkMessage: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' },
    });
    server.failNext({ kind: 'rateLimited', retryAfter: new Date(NOW + 3_600_000).toUTCString() });
    expect(await connector.publish(request())).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 3_600_000 } });
    expect(server.posts).toHaveLength(0);
  });

  it('reports 401 as auth with LinkedIn’s message', async () => {
    server.failNext({ kind: 'unauthorized' });
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'auth', status: 401, networkMessage: 'The token used in the request has been revoked by the user' } });
  });

  it('reports 500 on the post call as retryable with an unknown outcome', async () => {
    server.failNext({ kind: 'serverError' }, { method: 'POST', path: /^\/rest\/posts$/ });
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'retryable', status: 500, networkMessage: 'Internal Server Error', outcomeUnknown: true } });
  });

  it('reports 422 as permanent with LinkedIn’s message and code', async () => {
    server.failNext({ kind: 'badRequest', message: 'Commentary exceeds 3000 characters' }, { method: 'POST', path: /^\/rest\/posts$/ });
    expect(await connector.publish(request())).toEqual({
      ok: false,
      error: { kind: 'permanent', status: 422, networkMessage: 'Commentary exceeds 3000 characters', networkCode: 'INVALID_VALUE' },
    });
  });

  it('finds a post LinkedIn took before the connection dropped; a retry is refused as a duplicate and reported as that post', async () => {
    server.dropNextPost();
    const first = await connector.publish(request({ text: 'Nouvelle publication (suite) #Droit' }));
    expect(first).toMatchObject({ ok: false, error: { kind: 'retryable', status: 0, outcomeUnknown: true } });
    expect(server.posts).toHaveLength(1);
    const urn = server.posts[0]?.urn ?? '';

    expect(await connector.lookup(request({ text: 'Nouvelle publication (suite) #Droit' }))).toEqual({
      ok: true,
      value: { kind: 'found', remoteId: urn, url: `https://www.linkedin.com/feed/update/${urn}/`, scheduledRemotely: false },
    });

    const again = await connector.publish(request({ text: 'Nouvelle publication (suite) #Droit' }));
    expect(again).toEqual({ ok: true, value: { remoteId: urn, url: `https://www.linkedin.com/feed/update/${urn}/`, scheduledRemotely: false, recovered: true } });
    expect(server.posts).toHaveLength(1);
  });

  it('says unknown, not notFound, when LinkedIn will not let the app read the author’s posts', async () => {
    server.canReadPosts = false;
    expect(await connector.lookup(request())).toMatchObject({ ok: true, value: { kind: 'unknown' } });

    // A retry after a drop then relies on the post LinkedIn names in its duplicate refusal.
    server.dropNextPost();
    await connector.publish(request());
    const again = await connector.publish(request());
    expect(again).toMatchObject({ ok: true, value: { remoteId: server.posts[0]?.urn, recovered: true } });
    expect(server.posts).toHaveLength(1);
  });

  it('answers notFound when the author has no post with this commentary since the job was created', async () => {
    await connector.publish(request({ text: 'Autre sujet', idempotencyKey: 'job-linkedin-0002' }));
    expect(await connector.lookup(request())).toEqual({ ok: true, value: { kind: 'notFound' } });
  });

  it('refuses to publish without the author URN', async () => {
    const outcome = await connector.publish(request({ account: { id: 'acc-li', handle: 'Maître Durand' } }));
    expect(outcome).toEqual({ ok: false, error: { kind: 'permanent', status: 0, networkMessage: 'LinkedIn needs the author URN (account.personUrn)', networkCode: ACCOUNT_INCOMPLETE } });
    expect(server.http.requests).toHaveLength(0);
  });
});
