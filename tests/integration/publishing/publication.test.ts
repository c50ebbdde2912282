import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { ManualClock } from '../../support/testCore';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { XServer } from '../../support/fakes/xServer';
import { MINUTE, publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

const TEXT = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026.';
const STATUSES = { method: 'POST', path: /^\/api\/v1\/statuses$/ } as const;

let mastodon: MastodonServer | null = null;
let x: XServer | null = null;
let harness: PublishingHarness | null = null;

afterEach(async () => {
  harness?.close();
  harness = null;
  await mastodon?.close();
  mastodon = null;
  await x?.close();
  x = null;
});

/** A harness with one partner, a Mastodon account on the fake instance, and the instance. */
async function withMastodon() {
  const h = publishingHarness();
  harness = h;
  const server = new MastodonServer({ now: () => h.clock.now() });
  mastodon = server;
  await server.start();
  const partner = await h.partner();
  await h.account(partner.id, 'mastodon', {
    handle: 'maitre_durand',
    instanceUrl: server.url,
    secret: { kind: 'oauth', accessToken: 'mastodon-token' },
  });
  return { h, server, partner };
}

describe('scheduled publication through the outbox', () => {
  it('publishes an approved post exactly once at its time and keeps the remote id and URL', async () => {
    const { h, server, partner } = await withMastodon();
    // Too close for the instance's own scheduler (5 minutes at least): Plume sends it at the time.
    const at = h.clock.now() + 5 * MINUTE;
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], at);

    await h.tick();
    expect((await h.call('posts.get', { id: post.id })).status).toBe('scheduled');
    expect(server.scheduled).toHaveLength(0);
    h.clock.advance(5 * MINUTE - 1_000);
    await h.tick();
    expect(server.statuses).toHaveLength(0);

    h.clock.advance(1_000);
    await h.tick();
    expect(server.statuses).toHaveLength(1);
    const [status] = server.statuses;
    expect(status?.text).toBe(TEXT);
    const view = await h.status(post.id);
    expect(view.status).toBe('published');
    expect(view.publications).toMatchObject([{ network: 'mastodon', state: 'published', remoteId: status?.id, url: server.statusUrl(status?.id ?? '') }]);

    h.clock.advance(MINUTE);
    await h.tick();
    await h.tick();
    expect(server.statuses).toHaveLength(1);
    expect(server.http.received(STATUSES)).toHaveLength(1);
    const actions = (await h.call('signoff.history', { postId: post.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['approve', 'schedule', 'startPublishing', 'published']));
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'publishing.alerts.published', postId: post.id }));
  });

  it('refuses to send content whose hash differs from the approved one, audits it and alerts', async () => {
    const { h, server, partner } = await withMastodon();
    const at = h.clock.now() + 5 * MINUTE;
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], at);
    // Offline at the time: the job is written but waits.
    h.core.signoff.connectivity.set(false);
    h.clock.advance(5 * MINUTE);
    await h.tick();
    expect((await h.status(post.id)).publications).toMatchObject([{ state: 'queued', job: { state: 'queued' } }]);

    // The text changes behind the editor's back (another program, a restored backup…).
    const db = new Database(h.core.databasePath);
    db.prepare('UPDATE posts SET plain_text = ? WHERE id = ?').run(`${TEXT} Nos concurrents sont moins bons.`, post.id);
    db.close();

    h.core.signoff.connectivity.set(true);
    await h.tick();
    expect(server.statuses).toHaveLength(0);
    expect(server.http.received(STATUSES)).toHaveLength(0);
    const view = await h.status(post.id);
    expect(view.status).toBe('failed');
    expect(view.publications).toMatchObject([{ state: 'failed', reason: 'contentChanged' }]);
    const history = await h.call('signoff.history', { postId: post.id });
    expect(history.at(-1)).toMatchObject({ action: 'publishFailed', toStatus: 'failed', details: { network: 'mastodon', reason: 'contentChanged' } });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'publishing.alerts.failed', severity: 'error' }));
  });

  it('calls back a queued publication when the approved text is edited, and sends nothing', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    h.core.signoff.connectivity.set(false);
    h.clock.advance(MINUTE);
    await h.tick();
    const current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, content: docFromParagraphs([`${TEXT} (modifié)`]) });

    h.core.signoff.connectivity.set(true);
    await h.tick();
    expect(server.http.received(STATUSES)).toHaveLength(0);
    const view = await h.status(post.id);
    // Not approved any more at its time: sign-off holds it.
    expect(view.status).toBe('held');
    expect(view.publications).toEqual([]);
    expect((await h.call('outbox.list', {})).find((job) => job.postId === post.id)?.state).toBe('cancelled');
  });

  it('after days off, names the first missed posts in alerts of their own and counts the rest in one alert', async () => {
    const { h, partner } = await withMastodon();
    const posts = [];
    // Due within the next minutes (not far enough ahead to be handed to the instance early).
    for (let i = 1; i <= 7; i++) posts.push(await h.approvedPost(partner.id, `${TEXT} (${String(i)})`, ['mastodon'], h.clock.now() + i * 30_000));
    await h.tick();
    h.clock.advance(3 * 24 * 60 * MINUTE);
    await h.tick();
    for (const post of posts) expect((await h.status(post.id)).status).toBe('missed');
    const alerts = h.events.filter((e) => e.type === 'alert' && e.messageKey.startsWith('publishing.alerts.missed'));
    expect(alerts.filter((e) => e.type === 'alert' && e.messageKey === 'publishing.alerts.missed')).toHaveLength(3);
    expect(alerts.filter((e) => e.type === 'alert' && e.messageKey === 'publishing.alerts.missedMore')).toEqual([
      { type: 'alert', messageKey: 'publishing.alerts.missedMore', params: { count: 4, total: 7 }, severity: 'error', postId: null },
    ]);
    expect((await h.call('publishing.queue', {})).missedTotal).toBe(7);
  });

  it('publishes a slot missed during sleep within the grace window, and marks a later one missed for a decision', async () => {
    const { h, server, partner } = await withMastodon();
    const early = await h.approvedPost(partner.id, `${TEXT} (1)`, ['mastodon'], h.clock.now() + MINUTE);
    const late = await h.approvedPost(partner.id, `${TEXT} (2)`, ['mastodon'], h.clock.now() + 2 * MINUTE);
    await h.tick();
    await h.call('publishing.saveSettings', { graceMinutes: 15 });

    // Asleep: the machine wakes 14 minutes after the first slot, 13 after the second.
    h.clock.advance(15 * MINUTE);
    await h.tick();
    expect((await h.status(early.id)).status).toBe('published');
    expect((await h.status(late.id)).status).toBe('published');
    expect(server.statuses).toHaveLength(2);

    const missed = await h.approvedPost(partner.id, `${TEXT} (3)`, ['mastodon'], h.clock.now() + MINUTE);
    await h.tick();
    h.clock.advance(MINUTE + 16 * MINUTE);
    await h.tick();
    expect((await h.status(missed.id)).status).toBe('missed');
    expect(server.statuses).toHaveLength(2);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'publishing.alerts.missed', postId: missed.id }));
    expect((await h.call('publishing.queue', {})).missed.map((m) => m.postId)).toEqual([missed.id]);

    // Never later on its own…
    h.clock.advance(60 * MINUTE);
    await h.tick();
    expect(server.statuses).toHaveLength(2);

    // …but when the community manager says so.
    const rescheduleAt = h.clock.now() + 10 * MINUTE;
    const decided = await h.call('publishing.decideMissed', { postId: missed.id, decision: 'reschedule', scheduledAt: rescheduleAt });
    expect(decided).toMatchObject({ status: 'scheduled', scheduledAt: rescheduleAt });
    h.clock.advance(10 * MINUTE);
    await h.tick();
    expect((await h.status(missed.id)).status).toBe('published');
    expect(server.statuses.map((s) => s.text)).toEqual([`${TEXT} (1)`, `${TEXT} (2)`, `${TEXT} (3)`]);
  });

  it('publishes a missed post now, or takes it back to draft, on decision', async () => {
    const { h, server, partner } = await withMastodon();
    const first = await h.approvedPost(partner.id, `${TEXT} (A)`, ['mastodon'], h.clock.now() + MINUTE);
    const second = await h.approvedPost(partner.id, `${TEXT} (B)`, ['mastodon'], h.clock.now() + MINUTE);
    await h.tick();
    h.clock.advance(3 * 60 * MINUTE);
    await h.tick();
    expect((await h.status(first.id)).status).toBe('missed');

    const now = await h.call('publishing.decideMissed', { postId: first.id, decision: 'publishNow' });
    expect(now.status).toBe('scheduled');
    await h.tick();
    expect((await h.status(first.id)).status).toBe('published');

    const withdrawn = await h.call('publishing.decideMissed', { postId: second.id, decision: 'withdraw' });
    expect(withdrawn.status).toBe('draft');
    expect((await h.call('signoff.status', { postId: second.id })).approvedHash).toBeNull();
    expect(server.statuses.map((s) => s.text)).toEqual([`${TEXT} (A)`]);
  });

  it('waits for Retry-After on 429, then publishes once', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    server.failNext({ kind: 'rateLimited', retryAfter: '120' }, STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    expect((await h.status(post.id)).publications).toMatchObject([{ state: 'queued', job: { state: 'queued', notBefore: h.clock.now() + 120_000 } }]);

    h.clock.advance(60_000);
    await h.tick();
    expect(server.http.received(STATUSES)).toHaveLength(1);

    h.clock.advance(60_000);
    await h.tick();
    expect(server.http.received(STATUSES)).toHaveLength(2);
    expect(server.statuses).toHaveLength(1);
    expect((await h.status(post.id)).status).toBe('published');
  });

  it('after a 500 on the create call, looks the post up before sending again, and sends once', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    server.failNext({ kind: 'serverError' }, STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    expect((await h.status(post.id)).publications).toMatchObject([{ state: 'queued', job: { attempts: 1 } }]);

    h.clock.advance(60 * MINUTE);
    await h.tick();
    expect(server.http.received({ method: 'GET', path: /^\/api\/v1\/scheduled_statuses$/ }).length).toBeGreaterThan(0);
    expect(server.statuses).toHaveLength(1);
    expect((await h.status(post.id)).status).toBe('published');
  });

  it('surfaces a permanent refusal with the network’s own message, and publishes on retry', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + MINUTE);
    server.failNext({ kind: 'badRequest', message: 'Validation failed: Text character limit of 500 exceeded' }, STATUSES);
    h.clock.advance(MINUTE);
    await h.tick();
    const failed = await h.status(post.id);
    expect(failed.status).toBe('failed');
    const failure = { cause: 'rejected', said: 'Validation failed: Text character limit of 500 exceeded' };
    expect(failed.publications).toMatchObject([{ state: 'failed', failure, reason: null }]);
    expect((await h.call('publishing.queue', {})).items).toMatchObject([{ postId: post.id, state: 'failed', failure }]);

    await h.call('publishing.retry', { postId: post.id });
    await h.tick();
    expect((await h.status(post.id)).status).toBe('published');
    expect(server.statuses).toHaveLength(1);
  });

  it('waits while offline, then sends every due post in order when back online', async () => {
    const { h, server, partner } = await withMastodon();
    const first = await h.approvedPost(partner.id, `${TEXT} (1)`, ['mastodon'], h.clock.now() + MINUTE);
    const second = await h.approvedPost(partner.id, `${TEXT} (2)`, ['mastodon'], h.clock.now() + 2 * MINUTE);
    h.core.signoff.connectivity.set(false);
    h.clock.advance(3 * MINUTE);
    await h.tick();
    await h.tick();
    expect(server.http.requests).toHaveLength(0);
    const queue = await h.call('publishing.queue', {});
    expect(queue.online).toBe(false);
    expect(queue.items.map((item) => item.job?.state)).toEqual(['queued', 'queued']);

    h.core.signoff.connectivity.set(true);
    await h.tick();
    expect(server.statuses.map((s) => s.text)).toEqual([`${TEXT} (1)`, `${TEXT} (2)`]);
    expect((await h.status(first.id)).status).toBe('published');
    expect((await h.status(second.id)).status).toBe('published');
  });

  it('hands a Mastodon post due later to the instance’s scheduler, then confirms it and keeps its URL', async () => {
    const { h, server, partner } = await withMastodon();
    const at = h.clock.now() + 2 * 60 * MINUTE;
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], at);
    await h.tick();
    expect(server.statuses).toHaveLength(0);
    expect(server.scheduled).toMatchObject([{ scheduledAt: at, text: TEXT }]);
    const handed = await h.status(post.id);
    expect(handed.status).toBe('scheduled');
    expect(handed.publications).toMatchObject([{ state: 'scheduled_remote', remoteId: server.scheduled[0]?.id, url: null }]);

    // The laptop is closed at the time; the instance publishes by itself; Plume wakes up 3 hours late.
    const published = server.publishScheduled(server.scheduled[0]?.id ?? '');
    h.clock.advance(5 * 60 * MINUTE);
    await h.tick();
    const view = await h.status(post.id);
    expect(view.status).toBe('published');
    expect(view.publications).toMatchObject([{ state: 'published', remoteId: published?.id, url: server.statusUrl(published?.id ?? '') }]);
    expect(server.http.received(STATUSES)).toHaveLength(1);
    expect(server.statuses).toHaveLength(1);
  });

  it('calls back a status held by the instance when the post is edited', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + 2 * 60 * MINUTE);
    await h.tick();
    expect(server.scheduled).toHaveLength(1);

    const current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, content: docFromParagraphs([`${TEXT} (corrigé)`]) });
    await h.tick();
    expect(server.scheduled).toHaveLength(0);
    expect(server.http.received({ method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/\d+$/ })).toHaveLength(1);
    expect((await h.status(post.id)).status).toBe('draft');
    h.clock.advance(3 * 60 * MINUTE);
    await h.tick();
    expect(server.statuses).toHaveLength(0);
  });

  it('renews the token once after a 401 and publishes with the new one', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const server = new XServer({ now: () => clock.now(), accessToken: 'x-token-current', refreshToken: 'x-refresh-1' });
    x = server;
    await server.start();
    // The token endpoint lives at the X API host: the credentials feature and the connector both point at the fake.
    const h2 = publishingHarness({
      clock,
      credentials: { endpoints: { x: { token: `${server.url}/2/oauth2/token` } } },
      connectors: { x: { baseUrl: server.url } },
    });
    harness = h2;
    await h2.call('accounts.apps.save', { network: 'x', clientId: 'x-client', clientSecret: 'x-client-secret' });
    const partner = await h2.partner();
    await h2.account(partner.id, 'x', {
      handle: 'MaitreDurand',
      secret: { kind: 'oauth', accessToken: 'x-token-revoked-by-x', refreshToken: 'x-refresh-1' },
      expiresAt: h2.clock.now() + 60 * MINUTE,
      refreshable: true,
    });
    const post = await h2.approvedPost(partner.id, TEXT, ['x'], h2.clock.now() + MINUTE);
    h2.clock.advance(MINUTE);
    await h2.tick();

    expect(server.http.received({ method: 'POST', path: /^\/2\/oauth2\/token$/ })).toHaveLength(1);
    expect(server.http.received({ method: 'POST', path: /^\/2\/tweets$/ })).toHaveLength(2);
    expect(server.tweets).toHaveLength(1);
    const view = await h2.status(post.id);
    expect(view.status).toBe('published');
    expect(view.publications[0]?.url).toContain(server.tweets[0]?.id ?? 'missing');

    // A second 401 after the renewal is final: failed, with X's words, and no loop of renewals.
    const next = await h2.approvedPost(partner.id, `${TEXT} (2)`, ['x'], h2.clock.now() + MINUTE);
    server.failNext({ kind: 'unauthorized' }, { method: 'POST', path: /^\/2\/tweets$/, times: 2 });
    h2.clock.advance(MINUTE);
    await h2.tick();
    expect(server.http.received({ method: 'POST', path: /^\/2\/oauth2\/token$/ })).toHaveLength(2);
    const refused = await h2.status(next.id);
    expect(refused.status).toBe('failed');
    expect(refused.publications).toMatchObject([{ state: 'failed', reason: 'credentials', failure: { cause: 'auth' } }]);
  });

  it('awaits a manual publication for an account without API, and takes the pasted link back', async () => {
    const { h, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['linkedin'], h.clock.now() + MINUTE);
    h.clock.advance(MINUTE);
    await h.tick();
    const waiting = await h.status(post.id);
    expect(waiting.publications).toMatchObject([{ network: 'linkedin', mode: 'manual', state: 'awaiting_manual' }]);
    expect(waiting.texts.linkedin).toBe(TEXT);
    expect(waiting.composeUrls.linkedin).toBe('https://www.linkedin.com/feed/?shareActive=true');
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'publishing.alerts.manualDue', params: expect.objectContaining({ network: 'LinkedIn', text: TEXT }) as unknown }));

    const wrong = await h.error('publishing.manualDone', { postId: post.id, network: 'linkedin', url: 'https://x.com/MaitreDurand/status/1' });
    // The field, and that it is an X link where a LinkedIn post is expected (not just "invalid values").
    expect(wrong.issues).toEqual([{ path: ['url'], messageKey: 'publishing.errors.url_other_network', params: { network: 'LinkedIn', found: 'X' } }]);
    const elsewhere = await h.error('publishing.manualDone', { postId: post.id, network: 'linkedin', url: 'https://example.com/post/1' });
    expect(elsewhere.issues).toEqual([{ path: ['url'], messageKey: 'publishing.errors.url_wrong_network', params: { network: 'LinkedIn' } }]);

    const done = await h.call('publishing.manualDone', {
      postId: post.id,
      network: 'linkedin',
      url: 'https://www.linkedin.com/posts/claire-dupont_contrats-activity-7260000000000000000-AbCd',
    });
    expect(done.status).toBe('published');
    expect(done.publications).toMatchObject([{ state: 'published', remoteId: 'urn:li:activity:7260000000000000000', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000000/' }]);
  });
});

describe('a partner archived with posts set to go out', () => {
  it('says beforehand how many posts archiving holds back, then publishes none of them under the archived name', async () => {
    const { h, server, partner } = await withMastodon();
    const soon = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + 3 * MINUTE);
    const later = await h.approvedPost(partner.id, `${TEXT} Suite.`, ['mastodon'], h.clock.now() + 4 * MINUTE);
    await h.tick();
    expect((await h.call('posts.get', { id: soon.id })).status).toBe('scheduled');
    expect(await h.call('partners.archiveImpact', { id: partner.id })).toEqual({ goingOut: 2 });

    await h.call('partners.setArchived', { id: partner.id, archived: true });
    await h.tick();
    for (const post of [soon, later]) {
      expect((await h.call('posts.get', { id: post.id })).status).toBe('approved');
      const unscheduled = (await h.call('signoff.history', { postId: post.id })).filter((entry) => entry.action === 'unschedule');
      expect(unscheduled).toMatchObject([{ actor: { kind: 'system' }, details: { reason: 'partnerArchived' } }]);
    }
    expect(await h.call('partners.archiveImpact', { id: partner.id })).toEqual({ goingOut: 2 });

    // Their time comes and goes: nothing is sent, nothing is scheduled again.
    h.clock.advance(10 * MINUTE);
    await h.tick();
    await h.tick();
    expect(server.http.received(STATUSES)).toHaveLength(0);
    expect((await h.call('posts.get', { id: soon.id })).status).toBe('approved');
  });

  it('takes back a post already handed to the instance’s own scheduler', async () => {
    const { h, server, partner } = await withMastodon();
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + 2 * 60 * MINUTE);
    await h.tick();
    expect(server.scheduled).toHaveLength(1);

    await h.call('partners.setArchived', { id: partner.id, archived: true });
    await h.tick();
    expect(server.scheduled).toHaveLength(0);
    expect(server.http.received({ method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/\d+$/ })).toHaveLength(1);
    expect((await h.status(post.id)).status).toBe('approved');
    h.clock.advance(3 * 60 * MINUTE);
    await h.tick();
    expect(server.statuses).toHaveLength(0);
  });

  it('schedules the posts again when the partner is restored, and publishes one whose time is still ahead', async () => {
    const { h, server, partner } = await withMastodon();
    // Close enough to be sent at its time (not handed to the instance's scheduler beforehand).
    const post = await h.approvedPost(partner.id, TEXT, ['mastodon'], h.clock.now() + 6 * MINUTE);
    await h.tick();
    await h.call('partners.setArchived', { id: partner.id, archived: true });
    await h.tick();
    expect((await h.status(post.id)).status).toBe('approved');

    h.clock.advance(2 * MINUTE);
    await h.call('partners.setArchived', { id: partner.id, archived: false });
    await h.tick();
    expect((await h.status(post.id)).status).toBe('scheduled');
    h.clock.advance(4 * MINUTE);
    await h.tick();
    expect(server.statuses.map((status) => status.text)).toEqual([TEXT]);
    expect((await h.status(post.id)).status).toBe('published');
  });
});
