import { afterEach, describe, expect, it } from 'vitest';
import type { PublicationEngagement } from '../../../shared/engagement/figures';
import { BlueskyServer } from '../../support/fakes/blueskyServer';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { LinkedinServer } from '../../support/fakes/linkedinServer';
import { XServer } from '../../support/fakes/xServer';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';
import { ManualClock } from '../../support/testCore';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TEXT = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026.';
const STATUS_GET = { method: 'GET', path: /^\/api\/v1\/statuses\/\d+$/ } as const;

let harness: PublishingHarness | null = null;
const servers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  harness?.close();
  harness = null;
  for (const server of servers.splice(0)) await server.close();
});

/** A partner with a Mastodon account on the fake instance and one post published through the outbox. */
async function publishedOnMastodon() {
  const h = publishingHarness();
  harness = h;
  const server = new MastodonServer({ now: () => h.clock.now() });
  servers.push(server);
  await server.start();
  const partner = await h.partner();
  const account = await h.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
  const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
  h.clock.advance(MINUTE);
  await h.tick();
  const [status] = server.statuses;
  if (status === undefined) throw new Error('the post was not published');
  const publishedAt = h.clock.now();
  // The next pass plans the four readings.
  await h.tick();
  return { h, server, partner, account, post, statusId: status.id, publishedAt };
}

/** The clock jumps forward to `at` (never back). */
function moveTo(h: PublishingHarness, at: number): void {
  h.clock.advance(at - h.clock.now());
}

async function only(h: PublishingHarness, postId: string): Promise<PublicationEngagement> {
  const [publication] = (await h.call('engagement.forPost', { postId })).publications;
  if (publication === undefined) throw new Error('no publication');
  return publication;
}

describe('engagement read from the networks through the outbox', () => {
  it('reads a Mastodon post at +1 h, +24 h, +7 d and +30 d and keeps each reading', async () => {
    const { h, server, post, statusId, publishedAt } = await publishedOnMastodon();
    moveTo(h, publishedAt + HOUR - 1_000);
    await h.tick();
    expect(server.http.received(STATUS_GET)).toHaveLength(0);

    server.counts.set(statusId, { favourites_count: 3, reblogs_count: 1, replies_count: 0 });
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    server.counts.set(statusId, { favourites_count: 12, reblogs_count: 4, replies_count: 2 });
    moveTo(h, publishedAt + DAY);
    await h.tick();
    server.counts.set(statusId, { favourites_count: 20, reblogs_count: 5, replies_count: 3 });
    moveTo(h, publishedAt + 7 * DAY);
    await h.tick();
    server.counts.set(statusId, { favourites_count: 21, reblogs_count: 5, replies_count: 4 });
    moveTo(h, publishedAt + 30 * DAY);
    await h.tick();
    moveTo(h, publishedAt + 60 * DAY);
    await h.tick();

    expect(server.http.received(STATUS_GET)).toHaveLength(4);
    const engagement = await only(h, post.id);
    expect(engagement).toMatchObject({ network: 'mastodon', mode: 'api', tracking: 'tracking' });
    expect(engagement.readings).toEqual([
      { readAt: publishedAt + HOUR, source: 'api', point: '1h', figures: { likes: 3, reposts: 1, replies: 0 } },
      { readAt: publishedAt + DAY, source: 'api', point: '24h', figures: { likes: 12, reposts: 4, replies: 2 } },
      { readAt: publishedAt + 7 * DAY, source: 'api', point: '7d', figures: { likes: 20, reposts: 5, replies: 3 } },
      { readAt: publishedAt + 30 * DAY, source: 'api', point: '30d', figures: { likes: 21, reposts: 5, replies: 4 } },
    ]);
  });

  it('waits for Retry-After after a 429 and reads then', async () => {
    const { h, server, post, publishedAt } = await publishedOnMastodon();
    server.failNext({ kind: 'rateLimited', retryAfter: '600' }, STATUS_GET);
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    expect((await only(h, post.id)).readings).toEqual([]);
    moveTo(h, publishedAt + HOUR + 599_000);
    await h.tick();
    expect(server.http.received(STATUS_GET)).toHaveLength(1);
    moveTo(h, publishedAt + HOUR + 600_000);
    await h.tick();
    expect(server.http.received(STATUS_GET)).toHaveLength(2);
    expect((await only(h, post.id)).readings).toMatchObject([{ readAt: publishedAt + HOUR + 600_000, point: '1h' }]);
  });

  it('waits while offline without using an attempt, and reads once back online', async () => {
    const { h, server, post, publishedAt } = await publishedOnMastodon();
    h.core.signoff.connectivity.set(false);
    moveTo(h, publishedAt + DAY + HOUR);
    await h.tick();
    expect(server.http.received(STATUS_GET)).toHaveLength(0);
    h.core.signoff.connectivity.set(true);
    await h.tick();
    // The 1 h reading is overtaken by the 24 h one, due too: one request, not two of the same figures.
    expect(server.http.received(STATUS_GET)).toHaveLength(1);
    expect((await only(h, post.id)).readings.map((reading) => reading.point)).toEqual(['24h']);
    const jobs = h.core.signoff.outbox.list().filter((job) => job.kind === 'engagement' && job.state === 'done');
    expect(jobs.map((job) => job.attempts)).toEqual([1, 1]);
  });

  it('records a deleted post as such and reads it no more', async () => {
    const { h, server, post, statusId, publishedAt } = await publishedOnMastodon();
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    server.deleteStatus(statusId);
    moveTo(h, publishedAt + DAY);
    await h.tick();
    moveTo(h, publishedAt + 30 * DAY);
    await h.tick();
    expect(server.http.received(STATUS_GET)).toHaveLength(2);
    const engagement = await only(h, post.id);
    expect(engagement.tracking).toBe('deleted');
    expect(engagement.note).toContain('404');
    expect(engagement.readings).toHaveLength(1);
  });

  it('flags the account and tells the user when the token was revoked, and stops reading', async () => {
    const { h, server, post, account, partner, publishedAt } = await publishedOnMastodon();
    server.revokeAll();
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    moveTo(h, publishedAt + DAY);
    await h.tick();
    expect(server.http.received(STATUS_GET)).toHaveLength(1);
    const [flagged] = (await h.call('accounts.list', { partnerId: partner.id })).filter((item) => item.id === account.id);
    expect(flagged).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'token_revoked' });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'engagement.alerts.accessRefused', severity: 'error', postId: post.id }));
    expect((await only(h, post.id)).tracking).toBe('stopped');
  });

  it('reads X public_metrics, keeps what a partial reply gives, and notes a deleted post', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const server = new XServer({ now: () => clock.now(), accessToken: 'x-token' });
    servers.push(server);
    await server.start();
    const hx = publishingHarness({ clock, connectors: { x: { baseUrl: server.url } } });
    harness = hx;
    const partner = await hx.partner();
    await hx.account(partner.id, 'x', { handle: 'MaitreDurand', secret: { kind: 'oauth', accessToken: 'x-token' } });
    const post = await hx.approvedPost(partner.id, TEXT, ['x'], hx.clock.now() + MINUTE);
    hx.clock.advance(MINUTE);
    await hx.tick();
    await hx.tick();
    const publishedAt = hx.clock.now();
    const tweetId = server.tweets[0]?.id ?? '';
    // No impression_count: X leaves out what it does not give.
    server.metrics.set(tweetId, { like_count: 7, retweet_count: 2, reply_count: 1, quote_count: 1, bookmark_count: 0 });
    moveTo(hx, publishedAt + HOUR);
    await hx.tick();
    server.deleteTweet(tweetId);
    moveTo(hx, publishedAt + DAY);
    await hx.tick();
    const lookups = server.http.received({ method: 'GET', path: /^\/2\/tweets$/ });
    expect(lookups).toHaveLength(2);
    expect(lookups[0]?.query.get('tweet.fields')).toBe('public_metrics');
    expect(lookups[0]?.query.get('ids')).toBe(tweetId);
    const engagement = await only(hx, post.id);
    expect(engagement.readings).toEqual([{ readAt: publishedAt + HOUR, source: 'api', point: '1h', figures: { likes: 7, reposts: 2, replies: 1, quotes: 1, bookmarks: 0 } }]);
    expect(engagement).toMatchObject({ tracking: 'deleted', note: `Could not find tweet with ids: [${tweetId}].` });
  });

  it('reads Bluesky likes, reposts, replies and quotes with app.bsky.feed.getPosts', async () => {
    const h = publishingHarness();
    harness = h;
    const server = new BlueskyServer();
    servers.push(server);
    await server.start();
    const partner = await h.partner();
    await h.account(partner.id, 'bluesky', {
      handle: server.handle,
      instanceUrl: server.url,
      secret: { kind: 'bluesky', identifier: server.handle, appPassword: 'abcd-efgh-ijkl-mnop' },
    });
    const post = await h.approvedPost(partner.id, TEXT, ['bluesky'], h.clock.now() + MINUTE);
    h.clock.advance(MINUTE);
    await h.tick();
    await h.tick();
    const publishedAt = h.clock.now();
    const [record] = [...server.records.values()];
    if (record === undefined) throw new Error('not published');
    server.counts.set(record.rkey, { likeCount: 9, repostCount: 3, replyCount: 2, quoteCount: 1 });
    server.failNext({ kind: 'rateLimited', retryAfter: '120' }, { path: /getPosts$/ });
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    moveTo(h, publishedAt + HOUR + 120_000);
    await h.tick();
    const calls = server.http.received({ method: 'GET', path: /getPosts$/ });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.query.getAll('uris')).toEqual([record.uri]);
    expect((await only(h, post.id)).readings).toEqual([{ readAt: publishedAt + HOUR + 120_000, source: 'api', point: '1h', figures: { likes: 9, reposts: 3, replies: 2, quotes: 1 } }]);
  });

  it('reads LinkedIn reactions and comments through socialMetadata after a 429, and notes a deleted post', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const server = new LinkedinServer({ now: () => clock.now(), memberUrn: 'urn:li:person:linkedin-durand' });
    servers.push(server);
    await server.start();
    const h = publishingHarness({ clock, connectors: { linkedin: { baseUrl: server.url } } });
    harness = h;
    const partner = await h.partner();
    await h.account(partner.id, 'linkedin', { handle: 'durand', secret: { kind: 'oauth', accessToken: 'linkedin-token' } });
    const post = await h.approvedPost(partner.id, TEXT, ['linkedin'], h.clock.now() + MINUTE);
    h.clock.advance(MINUTE);
    await h.tick();
    await h.tick();
    const publishedAt = h.clock.now();
    const urn = server.posts[0]?.urn ?? '';
    server.social.set(urn, { reactions: { LIKE: 9, PRAISE: 2 }, comments: 3 });
    server.failNext({ kind: 'rateLimited', retryAfter: '60' }, { path: /socialMetadata/ });
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    moveTo(h, publishedAt + HOUR + 60_000);
    await h.tick();
    server.deletePost(urn);
    moveTo(h, publishedAt + DAY);
    await h.tick();
    const engagement = await only(h, post.id);
    expect(server.http.received({ method: 'GET', path: /^\/rest\/socialMetadata\// })).toHaveLength(3);
    expect(engagement.readings).toEqual([{ readAt: publishedAt + HOUR + 60_000, source: 'api', point: '1h', figures: { likes: 11, replies: 3 } }]);
    expect(engagement.tracking).toBe('deleted');
  });

  it('takes figures typed by hand for a post published by hand', async () => {
    const h = publishingHarness();
    harness = h;
    const partner = await h.partner();
    const post = await h.approvedPost(partner.id, TEXT, ['linkedin'], h.clock.now() + MINUTE);
    h.clock.advance(MINUTE);
    await h.tick();
    h.clock.advance(30_000);
    await h.call('publishing.manualDone', { postId: post.id, network: 'linkedin', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000000/' });
    const publishedAt = h.clock.now();
    h.clock.advance(2 * DAY);
    const { publicationId } = await only(h, post.id);
    const future = await h.error('engagement.recordManual', { publicationId, readAt: h.clock.now() + HOUR, figures: { likes: 1 } });
    expect(future.issues).toEqual([{ path: ['readAt'], messageKey: 'engagement.errors.readAtOutOfRange' }]);
    const empty = await h.error('engagement.recordManual', { publicationId, readAt: publishedAt + HOUR, figures: {} });
    expect(empty.issues).toEqual([{ path: ['figures'], messageKey: 'engagement.errors.noFigure' }]);
    await h.call('engagement.recordManual', { publicationId, readAt: publishedAt + DAY, figures: { likes: 40, replies: 6, impressions: 2300 } });
    // Typed to the minute, in the minute of publication: read at publication, not refused.
    const minute = publishedAt - (publishedAt % MINUTE);
    await h.call('engagement.recordManual', { publicationId, readAt: minute, figures: { likes: 2 } });
    expect(await h.error('engagement.recordManual', { publicationId, readAt: minute - 1, figures: { likes: 2 } })).toMatchObject({ code: 'validation' });
    const engagement = await only(h, post.id);
    expect(engagement).toMatchObject({ network: 'linkedin', mode: 'manual', tracking: null });
    expect(engagement.readings).toEqual([
      { readAt: publishedAt, source: 'manual', point: null, figures: { likes: 2 } },
      { readAt: publishedAt + DAY, source: 'manual', point: null, figures: { likes: 40, replies: 6, impressions: 2300 } },
    ]);
    // Published by hand: no job reads it.
    await h.tick();
    expect(h.core.signoff.outbox.list().filter((job) => job.kind === 'engagement')).toHaveLength(0);
  });
});
