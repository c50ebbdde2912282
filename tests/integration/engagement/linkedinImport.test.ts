import { afterEach, describe, expect, it } from 'vitest';
import { linkedinContentExport, topPostsCsv } from '../../support/fixtures/linkedinContentExport';
import type { ExportPost } from '../../support/fixtures/linkedinContentExport';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';

const DAY = 24 * 60 * MINUTE;
let harness: PublishingHarness | null = null;

afterEach(() => {
  harness?.close();
  harness = null;
});

/** A LinkedIn post published by hand through Plume, the link pasted back. */
async function publishedByHand(h: PublishingHarness, partnerId: string, title: string, url: string): Promise<string> {
  const post = await h.approvedPost(partnerId, `${title} : le point sur la réforme.`, ['linkedin'], h.clock.now() + MINUTE);
  h.clock.advance(MINUTE);
  await h.tick();
  await h.call('publishing.manualDone', { postId: post.id, network: 'linkedin', url });
  return post.id;
}

async function scenario() {
  const h = publishingHarness();
  harness = h;
  const partner = await h.partner();
  // Tuesday 24 November 2026, 09:01 in UTC (10:01 in Paris).
  const byUrl = await publishedByHand(h, partner.id, 'Contrats', 'https://www.linkedin.com/posts/claire-dupont_contrats-activity-7398000000000000001-AbCd');
  h.clock.advance(DAY);
  // 25 November: a share URN, which the export never names (it names activities): matched by day.
  const byDate = await publishedByHand(h, partner.id, 'Baux', 'https://www.linkedin.com/feed/update/urn:li:share:7398100000000000002/');
  h.clock.advance(2 * DAY);
  // 27 November: two posts the same day, neither named by URL in the export.
  await publishedByHand(h, partner.id, 'Prud’hommes', 'https://www.linkedin.com/feed/update/urn:li:share:7398200000000000003/');
  await publishedByHand(h, partner.id, 'Successions', 'https://www.linkedin.com/feed/update/urn:li:share:7398200000000000004/');
  h.clock.advance(DAY);
  const posts: ExportPost[] = [
    { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7398000000000000001', date: '11/24/2026', engagements: 57, impressions: 2310 },
    { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7398100000000000009', date: '11/25/2026', engagements: 12, impressions: 1358 },
    { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7398200000000000010', date: '11/27/2026', engagements: 4, impressions: 310 },
    { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000000', date: '11/2/2026', engagements: 3, impressions: 95 },
  ];
  return { h, partner, byUrl, byDate, posts };
}

describe('LinkedIn analytics export import', () => {
  it('matches the XLSX rows to Plume’s posts by URL, else by the day, records the figures and the followers, and shows the rest', async () => {
    const { h, partner, byUrl, byDate, posts } = await scenario();
    const file = await linkedinContentExport({ from: '11/1/2026', to: '11/28/2026', posts, followers: 1842, impressionsByDay: [['11/24/2026', 2000], ['11/25/2026', 1500]] });

    const result = await h.call('engagement.importLinkedin', { partnerId: partner.id, fileName: 'Content_2026-11-01_2026-11-28_ClaireDupont.xlsx', data: file.toString('base64') });

    const title = 'Réforme du droit des contrats';
    expect(result.matched).toEqual([
      { url: posts[0]?.url, dateText: '11/24/2026', publishedOn: '2026-11-24', engagements: 57, impressions: 2310, postId: byUrl, title, postPublishedAt: expect.any(Number) as number, by: 'url' },
      { url: posts[1]?.url, dateText: '11/25/2026', publishedOn: '2026-11-25', engagements: 12, impressions: 1358, postId: byDate, title, postPublishedAt: expect.any(Number) as number, by: 'date' },
    ]);
    expect(result.unmatched).toEqual([
      { url: posts[2]?.url, dateText: '11/27/2026', publishedOn: '2026-11-27', engagements: 4, impressions: 310, reason: 'ambiguous', possibleDays: [] },
      { url: posts[3]?.url, dateText: '11/2/2026', publishedOn: '2026-11-02', engagements: 3, impressions: 95, reason: 'noPost', possibleDays: [] },
    ]);
    expect(result.dateOrder).toEqual({ order: 'monthFirst', by: 'file' });
    expect(result.followers).toEqual({ count: 1842, on: '2026-11-28' });
    const [engagement] = (await h.call('engagement.forPost', { postId: byUrl })).publications;
    expect(engagement?.readings).toEqual([{ readAt: result.readAt, source: 'import', point: null, figures: { impressions: 2310, engagements: 57 } }]);
  });

  it('reads the TOP POSTS sheet saved as CSV the same way', async () => {
    const { h, partner, byUrl, posts } = await scenario();
    const csv = Buffer.from(`\uFEFF${topPostsCsv(posts)}`, 'utf8');
    const result = await h.call('engagement.importLinkedin', { partnerId: partner.id, fileName: 'top-posts.csv', data: csv.toString('base64') });
    expect(result.matched.map((row) => [row.postId === byUrl, row.by])).toEqual([[true, 'url'], [false, 'date']]);
    expect(result.unmatched.map((row) => row.reason)).toEqual(['ambiguous', 'noPost']);
    expect(result.followers).toBeNull();
  });

  it('skips and counts a repeated header row instead of listing « Post URL » as a post', async () => {
    const { h, partner, posts } = await scenario();
    const header = 'Post URL,Post publish date,Engagements,,Post URL,Post publish date,Impressions';
    const [note = '', blank = '', ...rest] = topPostsCsv(posts).split('\r\n');
    const csv = [note, blank, ...rest.slice(0, 1), header, ...rest.slice(1), header].join('\r\n');
    const result = await h.call('engagement.importLinkedin', { partnerId: partner.id, fileName: 'top-posts.csv', data: Buffer.from(csv).toString('base64') });
    expect(result.repeatedHeaders).toBe(2);
    expect([...result.matched, ...result.unmatched].map((row) => row.url)).not.toContain('Post URL');
    expect(result.matched).toHaveLength(2);
    expect(result.unmatched).toHaveLength(2);
  });

  it('refuses a file that is not LinkedIn’s export, with words for the user', async () => {
    const { h, partner } = await scenario();
    const error = await h.error('engagement.importLinkedin', { partnerId: partner.id, fileName: 'notes.csv', data: Buffer.from('a,b\n1,2\n').toString('base64') });
    expect(error.issues).toEqual([{ path: ['data'], messageKey: 'engagement.errors.notLinkedinExport' }]);
  });
});
