import { afterEach, describe, expect, it } from 'vitest';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { linkedinContentExport } from '../../support/fixtures/linkedinContentExport';
import { ManualClock } from '../../support/testCore';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';

const DAY = 24 * 60 * MINUTE;
let harness: PublishingHarness | null = null;
let mastodon: MastodonServer | null = null;

afterEach(async () => {
  harness?.close();
  harness = null;
  await mastodon?.close();
  mastodon = null;
});

const moveTo = (h: PublishingHarness, at: number) => h.clock.advance(at - h.clock.now());

describe('engagement in the monthly report', () => {
  it('gives top posts, figures per network and per pillar, per 1,000 followers and the trend, as computed by hand', async () => {
    const clock = new ManualClock(Date.UTC(2026, 9, 28, 9, 0, 0));
    const h = publishingHarness({ clock });
    harness = h;
    const server = new MastodonServer({ now: () => clock.now() });
    mastodon = server;
    await server.start();
    const partner = await h.partner();
    await h.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });

    const publishOnMastodon = async (text: string, counts: { favourites_count: number; reblogs_count: number; replies_count: number }) => {
      const post = await h.approvedPost(partner.id, text, ['mastodon'], h.clock.now() + MINUTE);
      h.clock.advance(MINUTE);
      await h.tick();
      await h.tick();
      const status = server.statuses.at(-1);
      if (status === undefined) throw new Error('not published');
      server.counts.set(status.id, counts);
      return post.id;
    };
    // October (the previous month): 5 + 1 + 1 = 7 interactions.
    await publishOnMastodon('Point de droit n° 1 : la clause pénale.', { favourites_count: 5, reblogs_count: 1, replies_count: 1 });
    moveTo(h, Date.UTC(2026, 10, 3, 9, 0, 0));
    const b = await publishOnMastodon('Point de droit n° 2 : la force majeure.', { favourites_count: 10, reblogs_count: 3, replies_count: 2 });
    moveTo(h, Date.UTC(2026, 10, 5, 9, 0, 0));
    const c = await publishOnMastodon('Point de droit n° 3 : l’imprévision.', { favourites_count: 4, reblogs_count: 0, replies_count: 1 });
    moveTo(h, Date.UTC(2026, 10, 10, 9, 0, 0));
    const d = await h.approvedPost(partner.id, 'Point de droit n° 4 : la caducité.', ['linkedin'], h.clock.now() + MINUTE);
    h.clock.advance(MINUTE);
    await h.tick();
    const url = 'https://www.linkedin.com/feed/update/urn:li:activity:7398000000000000001';
    await h.call('publishing.manualDone', { postId: d.id, network: 'linkedin', url });
    const [linkedin] = (await h.call('engagement.forPost', { postId: d.id })).publications;
    h.clock.advance(DAY);
    await h.call('engagement.recordManual', { publicationId: linkedin?.publicationId ?? 0, readAt: h.clock.now(), figures: { likes: 40, replies: 6, impressions: 2300 } });
    moveTo(h, Date.UTC(2026, 10, 28, 18, 0, 0));
    const file = await linkedinContentExport({ from: '11/1/2026', to: '11/28/2026', followers: 2000, impressionsByDay: [['11/10/2026', 2310]], posts: [{ url, date: '11/10/2026', engagements: 57, impressions: 2310 }] });
    await h.call('engagement.importLinkedin', { partnerId: partner.id, fileName: 'Content.xlsx', data: file.toString('base64') });
    // 2 December: the readings due are taken (the latest due one per post), then the report.
    moveTo(h, Date.UTC(2026, 11, 2, 9, 0, 0));
    await h.tick();

    const doc = await h.call('reports.build', { month: '2026-11', partnerId: partner.id });
    if (doc.kind !== 'partner') throw new Error('partner report expected');
    const engagement = doc.report.engagement;
    // By hand: B 10+3+2 = 15, C 4+0+1 = 5, D LinkedIn's own total 57 → 77; October 7.
    expect(engagement?.interactions).toBe(77);
    expect(engagement?.previousInteractions).toBe(7);
    expect(engagement?.totals).toEqual({ likes: 54, reposts: 3, replies: 9, impressions: 2310, engagements: 57 });
    expect(engagement?.top.map((row) => [row.postId, row.interactions])).toEqual([[d.id, 57], [b, 15], [c, 5]]);
    expect(engagement?.byNetwork).toEqual([
      { network: 'mastodon', posts: 2, figures: { likes: 14, reposts: 3, replies: 3 }, followers: null, per1000: null },
      // LinkedIn: 2,000 followers on 28 November; 40/2000 × 1000 = 20, 6 → 3, 2310 → 1155, 57 → 28.5.
      { network: 'linkedin', posts: 1, figures: { likes: 40, replies: 6, impressions: 2310, engagements: 57 }, followers: 2000, per1000: { likes: 20, replies: 3, impressions: 1155, engagements: 28.5 } },
    ]);
    expect(engagement?.byPillar).toEqual([{ pillar: null, posts: 3, figures: { likes: 54, reposts: 3, replies: 9, impressions: 2310, engagements: 57 } }]);
    // B read at +24 h (5 Nov) and +7 d (10 Nov); C at +24 h (10 Nov) and +7 d (2 Dec): the earlier points were overtaken.
    expect(engagement?.sources.map((source) => [source.source, source.readings])).toEqual(
      expect.arrayContaining([
        ['api', 4],
        ['manual', 1],
        ['import', 1],
      ]),
    );

    const { html } = await h.call('reports.preview', { month: '2026-11', partnerId: partner.id });
    expect(html).toContain('Ce qu’ont fait les publications');
    expect(html).toContain('Interactions pour 1\u00a0000 abonnés');
    expect(html).toContain('28,5');
    expect(html).toContain('export des statistiques LinkedIn importé (lectures\u00a0: 1, du');
  });
});
