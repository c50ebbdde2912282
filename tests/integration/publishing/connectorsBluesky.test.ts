import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlueskyConnector, recordKeyFor } from '../../../electron/core/publishing/connectors/bluesky/connector';
import { connectorEnvironment } from '../../../electron/core/publishing/connectors/environment';
import type { Connector } from '../../../electron/core/publishing/connectors/port';
import { tidMicros, tidPattern } from '../../../shared/publishing/blueskyRecordKey';
import { LookupRequest } from '../../../shared/publishing/port';
import type { PublishRequest } from '../../../shared/publishing/port';
import { BlueskyServer } from '../../support/fakes/blueskyServer';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 9, 8, 7]);
const DUPONT_DID = 'did:plc:7iza6de2dwap2sbkpav7c6c6';

let server: BlueskyServer;
let connector: Connector;

const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  network: 'bluesky',
  account: { id: 'acc-bsky', handle: '@maitre-durand.bsky.social', instanceUrl: server.url },
  credentials: { kind: 'bluesky', identifier: 'maitre-durand.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
  text: 'Arrêt de la Cour de cassation publié ce matin.',
  media: [],
  idempotencyKey: 'job-bluesky-0001',
  jobCreatedAt: NOW - 60_000,
  ...overrides,
});

/** UTF-8 offsets computed here, independently of the SDK's own UnicodeString. */
function byteRange(text: string, part: string): { byteStart: number; byteEnd: number } {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`${part} not in text`);
  const encoder = new TextEncoder();
  const byteStart = encoder.encode(text.slice(0, at)).length;
  return { byteStart, byteEnd: byteStart + encoder.encode(part).length };
}

beforeEach(async () => {
  server = new BlueskyServer({ knownHandles: { 'cabinet-dupont.fr': DUPONT_DID } });
  await server.start();
  connector = createBlueskyConnector(connectorEnvironment({ clock: { now: () => NOW } }));
});

afterEach(async () => {
  await server.close();
});

describe('Bluesky connector against a loopback PDS', () => {
  it('publishes a post with an image and its alt text under a TID record key, and links to it', async () => {
    const outcome = await connector.publish(request({ media: [{ bytes: JPEG, mimeType: 'image/jpeg', alt: 'Façade du palais de justice' }], language: 'fr' }));

    expect(outcome.ok).toBe(true);
    expect(server.records.size).toBe(1);
    const [record] = [...server.records.values()];
    const rkey = recordKeyFor(LookupRequest.parse(request()));
    expect(record?.rkey).toBe(rkey);
    expect(rkey).toMatch(tidPattern);
    expect(record?.value).toMatchObject({
      $type: 'app.bsky.feed.post',
      text: request().text,
      langs: ['fr'],
      createdAt: new Date(NOW).toISOString(),
      embed: { $type: 'app.bsky.embed.images', images: [{ alt: 'Façade du palais de justice', image: { $type: 'blob', mimeType: 'image/jpeg', size: JPEG.length } }] },
    });
    const [blob] = [...server.blobs.values()];
    expect(blob?.bytes.equals(Buffer.from(JPEG))).toBe(true);
    expect(outcome).toMatchObject({
      ok: true,
      value: { remoteId: `at://${server.did}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/maitre-durand.bsky.social/post/${rkey}`, scheduledRemotely: false },
      session: { did: server.did, handle: 'maitre-durand.bsky.social' },
    });
  });

  it('puts links, mentions and hashtags at their exact UTF-8 byte offsets past accents, ZWJ emoji and flags', async () => {
    const url = 'https://www.courdecassation.fr/decision/6543';
    const text = `Procès gagné 👩‍⚖️🇫🇷 ! Lire l’arrêt : ${url} avec @cabinet-dupont.fr et @inconnu.bsky.social #droitDesAffaires 🎉`;
    const outcome = await connector.publish(request({ text }));

    expect(outcome.ok).toBe(true);
    const [record] = [...server.records.values()];
    expect(record?.value.text).toBe(text);
    // The unresolvable @inconnu.bsky.social stays plain text (an empty DID would be an invalid record).
    const facets = (record?.value.facets as { index: unknown; features: unknown }[]).map(({ index, features }) => ({ index, features }));
    expect(facets).toEqual([
      { index: byteRange(text, url), features: [{ $type: 'app.bsky.richtext.facet#link', uri: url }] },
      { index: byteRange(text, '@cabinet-dupont.fr'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: DUPONT_DID }] },
      { index: byteRange(text, '#droitDesAffaires'), features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'droitDesAffaires' }] },
    ]);
    // Counted by hand: "Procès gagné " 15 bytes, the ZWJ judge 13, the flag 8, " ! Lire l’arrêt : " 21.
    expect(byteRange(text, url).byteStart).toBe(57);
    // …while in UTF-16 code units (what JavaScript indexes) the link starts at 40.
    expect(text.indexOf(url)).toBe(40);
  });

  it('derives the record key from the job alone: same job, same key; another job, another key', () => {
    const a = recordKeyFor(LookupRequest.parse(request()));
    expect(recordKeyFor(LookupRequest.parse(request({ text: 'autre texte' })))).toBe(a);
    expect(recordKeyFor(LookupRequest.parse(request({ idempotencyKey: 'job-bluesky-0002' })))).not.toBe(a);
    expect(Number(tidMicros(a) / 1_000_000n)).toBe((NOW - 60_000) / 1000);
    const scheduled = recordKeyFor(LookupRequest.parse(request({ scheduledAt: NOW + 3_600_000 })));
    expect(Number(tidMicros(scheduled) / 1_000_000n)).toBe((NOW + 3_600_000) / 1000);
  });

  it('finds the post after the PDS took it and the connection dropped, and a retry cannot duplicate it', async () => {
    server.dropNextPost();

    const first = await connector.publish(request());
    // The create call got no answer; reading our record key back shows the PDS has the post.
    expect(first).toMatchObject({ ok: true, value: { recovered: true } });
    expect(server.records.size).toBe(1);

    const rkey = recordKeyFor(LookupRequest.parse(request()));
    expect(await connector.lookup(request())).toMatchObject({
      ok: true,
      value: { kind: 'found', remoteId: `at://${server.did}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/maitre-durand.bsky.social/post/${rkey}` },
    });

    const again = await connector.publish(request());
    expect(again).toMatchObject({ ok: true, value: { recovered: true, remoteId: `at://${server.did}/app.bsky.feed.post/${rkey}` } });
    expect(server.records.size).toBe(1);
  });

  it('answers notFound for a job whose post the PDS never got', async () => {
    expect(await connector.lookup(request())).toMatchObject({ ok: true, value: { kind: 'notFound' } });
  });

  it('reports 429 as retryable after Retry-After (seconds), else after ratelimit-reset', async () => {
    server.failNext({ kind: 'rateLimited', retryAfter: '30' }, { path: /createRecord$/ });
    expect(await connector.publish(request())).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 30_000, networkMessage: 'Rate Limit Exceeded' } });

    server.failNext({ kind: 'rateLimited', resetAt: NOW + 600_000 }, { path: /createRecord$/ });
    expect(await connector.publish(request())).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 600_000 } });
    expect(server.records.size).toBe(0);
  });

  it('reports a refused app password as auth', async () => {
    server.revokeAppPassword();
    expect(await connector.publish(request())).toEqual({ ok: false, error: { kind: 'auth', status: 401, networkMessage: 'Invalid identifier or password' } });
  });

  it('heals a refused access token by refreshing the session once, and hands back the rotated session', async () => {
    const signedIn = await connector.publish(request());
    const session = signedIn.session;
    expect(session).toBeDefined();
    server.expireAccessTokens();
    server.failNext({ kind: 'unauthorized' }, { path: /createRecord$/ });

    const outcome = await connector.publish(request({ idempotencyKey: 'job-bluesky-0002', credentials: { kind: 'bluesky', identifier: 'maitre-durand.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', ...(session === undefined ? {} : { session }) } }));

    expect(outcome.ok).toBe(true);
    expect(server.sessionsCreated).toBe(1);
    expect(outcome.session?.refreshJwt).not.toBe(session?.refreshJwt);
    expect(server.records.size).toBe(2);
  });

  it('signs in again with the app password when the stored session was revoked', async () => {
    const stale = { accessJwt: 'access-0', refreshJwt: 'refresh-0', did: server.did, handle: server.handle, active: true };
    const outcome = await connector.publish(request({ credentials: { kind: 'bluesky', identifier: 'maitre-durand.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', session: stale } }));
    expect(outcome.ok).toBe(true);
    expect(server.sessionsCreated).toBe(1);
  });

  it('reports a 500 on createRecord as retryable with an unknown outcome when the post is not there', async () => {
    server.failNext({ kind: 'serverError' }, { path: /createRecord$/ });
    const outcome = await connector.publish(request());
    expect(outcome).toMatchObject({ ok: false, session: { did: server.did } });
    expect(!outcome.ok && outcome.error).toEqual({ kind: 'retryable', status: 500, networkMessage: 'Internal Server Error', outcomeUnknown: true });
  });

  it('reports a record the PDS refuses (over 300 graphemes) as permanent with the PDS message', async () => {
    const outcome = await connector.publish(request({ text: 'é'.repeat(301) }));
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'permanent', status: 400, networkCode: 'InvalidRequest', networkMessage: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' },
    });
  });

  it('reports a machine without network as offline', async () => {
    const offline = createBlueskyConnector(
      connectorEnvironment({
        clock: { now: () => NOW },
        fetch: () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }) })),
      }),
    );
    expect(await offline.publish(request())).toEqual({ ok: false, error: { kind: 'offline' } });
  });
});
