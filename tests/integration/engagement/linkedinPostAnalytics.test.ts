import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { PublicationEngagement } from '../../../shared/engagement/figures';
import { AccountRepository } from '../../../electron/core/credentials/accounts/repository';
import { LinkedinServer } from '../../support/fakes/linkedinServer';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';
import { ManualClock } from '../../support/testCore';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TEXT = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026.';
const ANALYTICS = { method: 'GET', path: /^\/rest\/memberCreatorPostAnalytics$/ } as const;
const SOCIAL = { method: 'GET', path: /^\/rest\/socialMetadata\// } as const;

let harness: PublishingHarness | null = null;
let server: LinkedinServer | null = null;

afterEach(async () => {
  harness?.close();
  harness = null;
  await server?.close();
  server = null;
});

/** A LinkedIn account granted `scopes`, and one post published through the outbox with its readings planned. */
async function publishedOnLinkedin(scopes: string[]) {
  const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
  const fake = new LinkedinServer({ now: () => clock.now(), memberUrn: 'urn:li:person:linkedin-durand' });
  server = fake;
  await fake.start();
  const h = publishingHarness({ clock, connectors: { linkedin: { baseUrl: fake.url } } });
  harness = h;
  const partner = await h.partner();
  const account = await h.account(partner.id, 'linkedin', { handle: 'durand', secret: { kind: 'oauth', accessToken: 'linkedin-token' }, grantedScopes: scopes });
  const post = await h.approvedPost(partner.id, TEXT, ['linkedin'], h.clock.now() + MINUTE);
  h.clock.advance(MINUTE);
  await h.tick();
  await h.tick();
  const urn = fake.posts[0]?.urn;
  if (urn === undefined) throw new Error('the post was not published');
  fake.social.set(urn, { reactions: { LIKE: 9, PRAISE: 2 }, comments: 3 });
  return { h, fake, account, post, urn, publishedAt: h.clock.now() };
}

const moveTo = (h: PublishingHarness, at: number): void => h.clock.advance(at - h.clock.now());

async function only(h: PublishingHarness, postId: string): Promise<PublicationEngagement> {
  const [publication] = (await h.call('engagement.forPost', { postId })).publications;
  if (publication === undefined) throw new Error('no publication');
  return publication;
}

function storedScopes(h: PublishingHarness, accountId: string): string[] | null {
  const db = new Database(h.core.databasePath, { readonly: true });
  try {
    return new AccountRepository(db).get(accountId)?.grantedScopes ?? null;
  } finally {
    db.close();
  }
}

describe('LinkedIn Member Post Analytics where the account granted r_member_postAnalytics', () => {
  it('reads impressions, members reached and reshares with the reactions and stores them in the reading', async () => {
    const { h, fake, post, urn, publishedAt } = await publishedOnLinkedin(['openid', 'profile', 'w_member_social', 'r_member_postAnalytics']);
    fake.postAnalytics.set(urn, { IMPRESSION: 1_240, MEMBERS_REACHED: 815, RESHARE: 4 });
    moveTo(h, publishedAt + HOUR);
    await h.tick();

    const calls = fake.http.received(ANALYTICS);
    expect(calls.map((call) => call.query.get('queryType'))).toEqual(['IMPRESSION', 'MEMBERS_REACHED', 'RESHARE']);
    for (const call of calls) {
      expect(call.query.get('q')).toBe('entity');
      expect(call.query.get('entity')).toBe(`(share:${urn})`);
      expect(call.query.get('aggregation')).toBe('TOTAL');
      expect(call.headers['x-restli-protocol-version']).toBe('2.0.0');
      expect(call.headers['linkedin-version']).toMatch(/^\d{6}$/);
    }
    const engagement = await only(h, post.id);
    expect(engagement.postAnalytics).toBe('granted');
    expect(engagement.readings).toEqual([
      { readAt: publishedAt + HOUR, source: 'api', point: '1h', figures: { likes: 11, replies: 3, impressions: 1_240, reach: 815, reposts: 4 } },
    ]);
    // The partner's page and the month's report carry them; the report's method names the API and when it was read.
    const recent = await h.call('engagement.partnerRecent', { partnerId: post.partnerId });
    expect(recent.networks).toEqual([{ network: 'linkedin', posts: 1, figures: { likes: 11, replies: 3, impressions: 1_240, reach: 815, reposts: 4 } }]);
    const { html } = await h.call('reports.preview', { month: '2026-11', partnerId: post.partnerId });
    expect(html).toContain('Membres atteints');
    expect(html).toMatch(/impressions, membres atteints et partages LinkedIn\u00a0: API LinkedIn Member Post Analytics, lues le [^<;]*24 nov/);
  });

  it('keeps the figures LinkedIn gave when it has none yet for some (partial data)', async () => {
    const { h, fake, post, urn, publishedAt } = await publishedOnLinkedin(['w_member_social', 'r_member_postAnalytics']);
    fake.postAnalytics.set(urn, { IMPRESSION: 37 });
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    expect((await only(h, post.id)).readings.map((reading) => reading.figures)).toEqual([{ likes: 11, replies: 3, impressions: 37 }]);
  });

  it('does not ask for post analytics when the account was not granted the scope', async () => {
    const { h, fake, post, urn, publishedAt } = await publishedOnLinkedin(['openid', 'profile', 'w_member_social']);
    fake.postAnalytics.set(urn, { IMPRESSION: 1_240, MEMBERS_REACHED: 815, RESHARE: 4 });
    moveTo(h, publishedAt + HOUR);
    await h.tick();
    expect(fake.http.received(ANALYTICS)).toHaveLength(0);
    const engagement = await only(h, post.id);
    expect(engagement.postAnalytics).toBe('notGranted');
    expect(engagement.readings.map((reading) => reading.figures)).toEqual([{ likes: 11, replies: 3 }]);
    const { html } = await h.call('reports.preview', { month: '2026-11', partnerId: post.partnerId });
    expect(html).not.toContain('Member Post Analytics');
  });

  it('turns post analytics off for the account with an alert on a 403, while reactions and comments are still read', async () => {
    const { h, fake, account, post, urn, publishedAt } = await publishedOnLinkedin(['w_member_social', 'r_member_postAnalytics']);
    fake.postAnalytics.set(urn, { IMPRESSION: 1_240 });
    fake.postAnalyticsGranted = false;
    moveTo(h, publishedAt + HOUR);
    await h.tick();

    expect(fake.http.received(ANALYTICS)).toHaveLength(1);
    const engagement = await only(h, post.id);
    expect(engagement.tracking).toBe('tracking');
    expect(engagement.readings.map((reading) => reading.figures)).toEqual([{ likes: 11, replies: 3 }]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'engagement.alerts.analyticsRefused', postId: post.id }));
    expect(storedScopes(h, account.id)).toEqual(['w_member_social']);
    expect(engagement.postAnalytics).toBe('notGranted');

    // The next reading reads reactions only: the refused scope is not asked again.
    fake.social.set(urn, { reactions: { LIKE: 20 }, comments: 5 });
    moveTo(h, publishedAt + DAY);
    await h.tick();
    expect(fake.http.received(ANALYTICS)).toHaveLength(1);
    expect(fake.http.received(SOCIAL)).toHaveLength(2);
    expect((await only(h, post.id)).readings.map((reading) => reading.figures)).toEqual([
      { likes: 11, replies: 3 },
      { likes: 20, replies: 5 },
    ]);
  });
});
