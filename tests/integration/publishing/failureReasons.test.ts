import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { MINUTE, publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

const TEXT = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026.';
const STATUSES = { method: 'POST', path: /^\/api\/v1\/statuses$/ } as const;
const DELETE_SCHEDULED = { method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/\d+$/ } as const;

let mastodon: MastodonServer | null = null;
let harness: PublishingHarness | null = null;

afterEach(async () => {
  harness?.close();
  harness = null;
  await mastodon?.close();
  mastodon = null;
});

async function withMastodon() {
  const h = publishingHarness();
  harness = h;
  const server = new MastodonServer({ now: () => h.clock.now() });
  mastodon = server;
  await server.start();
  const partner = await h.partner();
  const account = await h.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
  return { h, server, partner, account };
}

/** What a user reads must hold no HTTP status and no internal code. */
const noCode = (text: string | undefined) => expect(text ?? '').not.toMatch(/\b[1-5]\d\d\b|token_revoked|_/u);

describe('why a publication failed, as a cause with the network’s own words', () => {
  it('a 403 is « forbidden », a 422 « rejected », each with the network’s words but no status code, in the panel, the queue and the history', async () => {
    const { h, server, partner } = await withMastodon();
    const forbidden = await h.approvedPost(partner.id, `${TEXT} (1)`, ['mastodon'], h.clock.now() + MINUTE);
    server.http.failNext({ status: 403, json: { error: 'This action is not allowed' } }, STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    const view = await h.status(forbidden.id);
    expect(view.publications).toMatchObject([{ state: 'failed', reason: null, failure: { cause: 'forbidden', said: 'This action is not allowed' } }]);
    noCode(view.publications[0]?.failure?.said);

    const rejected = await h.approvedPost(partner.id, `${TEXT} (2)`, ['mastodon'], h.clock.now() + MINUTE);
    server.failNext({ kind: 'badRequest', message: 'Validation failed: Text character limit of 500 exceeded' }, STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    expect((await h.status(rejected.id)).publications).toMatchObject([{ state: 'failed', failure: { cause: 'rejected', said: 'Validation failed: Text character limit of 500 exceeded' } }]);
    const queue = await h.call('publishing.queue', {});
    expect(queue.items.find((item) => item.postId === rejected.id)).toMatchObject({ state: 'failed', failure: { cause: 'rejected' } });
    const history = await h.call('signoff.history', { postId: rejected.id });
    expect(history.find((entry) => entry.action === 'publishFailed')?.details).toMatchObject({ network: 'mastodon', cause: 'rejected' });
  });

  it('a 401 at publication marks the account « reconnect needed » as a connection test would, and says so without the network’s code', async () => {
    const { h, server, partner, account } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    server.failNext({ kind: 'unauthorized' }, STATUSES);
    h.events.length = 0;
    h.clock.advance(MINUTE);
    await h.tick();
    const view = await h.status(post.id);
    expect(view.publications).toMatchObject([{ state: 'failed', reason: 'credentials', failure: { cause: 'auth', said: 'The access token is invalid' } }]);
    const accounts = await h.call('accounts.list', { partnerId: partner.id });
    expect(accounts.find((a) => a.id === account.id)).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'token_revoked' });
    expect(h.events).toContainEqual({ type: 'accounts.changed', partnerId: partner.id });
  });

  it('a post queued again says why: rate limited until the time the network named, or its server failing since the first failure', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    server.failNext({ kind: 'rateLimited', retryAfter: '120' }, STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    expect((await h.status(post.id)).publications).toMatchObject([{ state: 'queued', job: { state: 'queued', notBefore: h.clock.now() + 120_000, lastTry: { cause: 'rateLimited' } } }]);

    const failingSince = h.clock.now() + 120_000;
    server.failNext({ kind: 'serverError' }, { ...STATUSES, times: 2 });
    h.clock.advance(120_000);
    await h.tick();
    const first = (await h.status(post.id)).publications[0]?.job;
    expect(first).toMatchObject({ state: 'queued', lastTry: { cause: 'serverError', since: failingSince } });
    expect(first?.lastTry?.said).toBeUndefined();
    h.clock.advance(60 * MINUTE);
    await h.tick();
    const queue = await h.call('publishing.queue', {});
    expect(queue.items[0]?.job).toMatchObject({ lastTry: { cause: 'serverError', since: failingSince } });
    expect(queue.items[0]?.job?.attempts).toBeGreaterThanOrEqual(2);
  });

  it('a connection cut after the instance took the post is « no answer »: the next try looks it up first and sends nothing twice', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    server.http.dropAfterAccept(STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    const job = (await h.status(post.id)).publications[0]?.job;
    expect(job).toMatchObject({ state: 'queued', lastTry: { cause: 'noAnswer' } });
    expect(job?.lastTry?.said).toBeUndefined();
    h.clock.advance(60 * MINUTE);
    await h.tick();
    expect((await h.status(post.id)).status).toBe('published');
    expect(server.statuses).toHaveLength(1);
  });

  it('an instance that refuses connections is « unreachable since » its first refusal, with no network words', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    await server.close();
    mastodon = null;
    h.clock.advance(MINUTE);
    const since = h.clock.now();
    await h.tick();
    h.clock.advance(60 * MINUTE);
    await h.tick();
    const job = (await h.status(post.id)).publications[0]?.job;
    expect(job).toMatchObject({ state: 'queued', lastTry: { cause: 'unreachable', since } });
    expect(job?.lastTry?.said).toBeUndefined();
  });
});

describe('a post the instance holds for later, whose approval was voided', () => {
  it('shows its call-back on the post and the Envoi page while the instance refuses, alerts when it keeps failing, and clears once deleted', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + 2 * 60 * MINUTE);
    await h.tick();
    expect(server.scheduled).toHaveLength(1);

    server.failNext({ kind: 'serverError' }, { ...DELETE_SCHEDULED, times: 2 });
    const current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, content: docFromParagraphs([`${TEXT} (corrigé)`]) });
    await h.tick();
    expect(server.scheduled).toHaveLength(1);
    const pending = await h.status(post.id);
    expect(pending.publications).toMatchObject([{ network: 'mastodon', state: 'cancelled', withdrawal: { state: 'queued', attempts: 1, lastTry: { cause: 'serverError' }, instanceUrl: server.url } }]);
    expect((await h.call('publishing.queue', {})).items).toMatchObject([{ postId: post.id, withdrawal: { state: 'queued' } }]);

    h.clock.advance(60 * MINUTE);
    await h.tick();
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'publishing.alerts.withdrawFailed', postId: post.id, params: expect.objectContaining({ network: 'Mastodon', instance: server.url }) as unknown }));
    expect((await h.status(post.id)).publications[0]?.withdrawal).toMatchObject({ attempts: 2 });

    h.clock.advance(60 * MINUTE);
    await h.tick();
    expect(server.scheduled).toHaveLength(0);
    expect((await h.status(post.id)).publications).toEqual([]);
    expect((await h.call('publishing.queue', {})).items).toEqual([]);
  });
});

describe('a post held at its time', () => {
  it('says its text changed after the approval, in its panel and on the Envoi page', async () => {
    const { h, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + 5 * MINUTE);
    const current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, content: docFromParagraphs([`${TEXT} (corrigé)`]) });
    h.clock.advance(6 * MINUTE);
    await h.tick();
    const view = await h.status(post.id);
    expect(view.status).toBe('held');
    expect(view.heldReason).toBe('contentChanged');
    const queue = await h.call('publishing.queue', {});
    expect(queue.held).toMatchObject([{ postId: post.id, reason: 'contentChanged' }]);
    expect(queue.heldTotal).toBe(1);
  });
});
