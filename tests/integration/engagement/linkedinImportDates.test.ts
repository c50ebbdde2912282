import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/testCore';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';

/**
 * LinkedIn writes its export's dates M/D/YYYY; French Excel re-saves them D/M/YYYY. A partner
 * published on LinkedIn on 11 May and 5 November 2026 (at 11:00 in Paris), by hand, with share
 * links the export never names: the export's rows can only be matched by their day.
 */
const DAY = 24 * 60 * MINUTE;
let harness: PublishingHarness | null = null;

afterEach(() => {
  harness?.close();
  harness = null;
});

async function publishedOn(h: PublishingHarness, partnerId: string, at: number, url: string): Promise<string> {
  h.clock.advance(at - MINUTE - h.clock.now());
  const post = await h.approvedPost(partnerId, 'Le point sur la réforme.', ['linkedin'], at);
  h.clock.advance(MINUTE);
  await h.tick();
  await h.call('publishing.manualDone', { postId: post.id, network: 'linkedin', url });
  return post.id;
}

const share = (id: string) => `https://www.linkedin.com/feed/update/urn:li:share:${id}/`;

async function scenario(nov5Url = share('7390000000000000005')) {
  const h = publishingHarness({ clock: new ManualClock(Date.UTC(2026, 4, 1, 9, 0, 0)) });
  harness = h;
  const partner = await h.partner();
  const may11 = await publishedOn(h, partner.id, Date.UTC(2026, 4, 11, 9, 0, 0), share('7330000000000000011'));
  const nov5 = await publishedOn(h, partner.id, Date.UTC(2026, 10, 5, 9, 0, 0), nov5Url);
  h.clock.advance(20 * DAY);
  return { h, partner, may11, nov5 };
}

/** The TOP POSTS sheet as French Excel saves it: BOM, `;`, CRLF. */
function frenchExcelCsv(rows: [activity: string, date: string, engagements: number, impressions: number][], extraRows: string[] = []): string {
  const lines = ['Maximum of 50 posts available to include in this list', '', 'Post URL;Post publish date;Engagements;;Post URL;Post publish date;Impressions', ...extraRows];
  for (const [activity, date, engagements, impressions] of rows) {
    const url = `https://www.linkedin.com/feed/update/urn:li:activity:${activity}`;
    lines.push(`${url};${date};${String(engagements)};;${url};${date};${String(impressions)}`);
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
}

const importCsv = (h: PublishingHarness, partnerId: string, data: string, dateOrder?: 'dayFirst' | 'monthFirst') =>
  h.call('engagement.importLinkedin', { partnerId, fileName: 'TOP POSTS.csv', data, ...(dateOrder ? { dateOrder } : {}) });

const impressionsOf = async (h: PublishingHarness, postId: string) => (await h.call('engagement.forPost', { postId })).publications[0]?.readings.map((reading) => reading.figures.impressions);

describe('LinkedIn export dates: one order for the whole file, never a guess', () => {
  it('a file whose dates read both ways records nothing by date and asks; the order the user picks matches each row to its own post', async () => {
    const { h, partner, may11, nov5 } = await scenario();
    const data = frenchExcelCsv([
      ['7300000000000000001', '05/11/2026', 42, 1358],
      ['7300000000000000002', '11/05/2026', 7, 200],
    ]);

    const asked = await importCsv(h, partner.id, data);
    expect(asked.matched).toEqual([]);
    expect(asked.dateOrder).toBeNull();
    expect(asked.unmatched.map((row) => [row.dateText, row.publishedOn, row.reason, row.possibleDays])).toEqual([
      ['05/11/2026', null, 'dateOrder', ['2026-05-11', '2026-11-05']],
      ['11/05/2026', null, 'dateOrder', ['2026-11-05', '2026-05-11']],
    ]);
    expect(await impressionsOf(h, nov5)).toEqual([]);
    expect(await impressionsOf(h, may11)).toEqual([]);

    const answered = await importCsv(h, partner.id, data, 'dayFirst');
    expect(answered.dateOrder).toEqual({ order: 'dayFirst', by: 'user' });
    expect(answered.matched.map((row) => [row.dateText, row.publishedOn, row.postId, row.postPublishedAt, row.by])).toEqual([
      ['05/11/2026', '2026-11-05', nov5, Date.UTC(2026, 10, 5, 9, 0, 0), 'date'],
      ['11/05/2026', '2026-05-11', may11, Date.UTC(2026, 4, 11, 9, 0, 0), 'date'],
    ]);
    expect(await impressionsOf(h, nov5)).toEqual([1358]);
    expect(await impressionsOf(h, may11)).toEqual([200]);
  });

  it('one date with a day over 12 decides the order for the whole file: 16/12/2026 makes 05/11/2026 the 5th of November', async () => {
    const { h, partner, may11, nov5 } = await scenario();
    const result = await importCsv(
      h,
      partner.id,
      frenchExcelCsv([
        ['7300000000000000001', '05/11/2026', 42, 1358],
        ['7300000000000000002', '11/05/2026', 7, 200],
        ['7300000000000000003', '16/12/2026', 3, 95],
      ]),
    );
    expect(result.dateOrder).toEqual({ order: 'dayFirst', by: 'file' });
    expect(result.matched.map((row) => [row.publishedOn, row.postId])).toEqual([
      ['2026-11-05', nov5],
      ['2026-05-11', may11],
    ]);
    expect(result.unmatched.map((row) => [row.dateText, row.publishedOn, row.reason])).toEqual([['16/12/2026', '2026-12-16', 'noPost']]);
  });

  it('LinkedIn’s own month-first dates are read month-first when one row says so (11/5/2026 is the 5th of November)', async () => {
    const { h, partner, nov5 } = await scenario();
    const result = await importCsv(
      h,
      partner.id,
      frenchExcelCsv([
        ['7300000000000000001', '11/5/2026', 42, 1358],
        ['7300000000000000003', '12/16/2026', 3, 95],
      ]),
    );
    expect(result.dateOrder).toEqual({ order: 'monthFirst', by: 'file' });
    expect(result.matched.map((row) => [row.publishedOn, row.postId])).toEqual([['2026-11-05', nov5]]);
  });

  it('a date that names no day is refused for its row, with the date as written, and the other rows still count', async () => {
    const { h, partner, nov5 } = await scenario();
    const result = await importCsv(
      h,
      partner.id,
      frenchExcelCsv([
        ['7300000000000000001', '05/11/2026', 42, 1358],
        ['7300000000000000002', '31/02/2026', 7, 200],
        ['7300000000000000003', '2026-16-12', 3, 95],
        ['7300000000000000004', '16/12/2026', 1, 12],
      ]),
    );
    expect(result.matched.map((row) => row.postId)).toEqual([nov5]);
    expect(result.unmatched.map((row) => [row.dateText, row.publishedOn, row.reason])).toEqual([
      ['31/02/2026', null, 'badDate'],
      ['2026-16-12', null, 'badDate'],
      ['16/12/2026', '2026-12-16', 'noPost'],
    ]);
  });

  it('in a file whose dates read both ways, a row whose link names the post is matched by it; the others are still asked about', async () => {
    const { h, partner, nov5 } = await scenario('https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001');
    const result = await importCsv(
      h,
      partner.id,
      frenchExcelCsv([
        ['7300000000000000001', '05/11/2026', 42, 1358],
        ['7300000000000000002', '11/05/2026', 7, 200],
      ]),
    );
    expect(result.matched.map((row) => [row.dateText, row.publishedOn, row.postId, row.by])).toEqual([['05/11/2026', null, nov5, 'url']]);
    expect(result.unmatched.map((row) => [row.dateText, row.reason])).toEqual([['11/05/2026', 'dateOrder']]);
    expect(await impressionsOf(h, nov5)).toEqual([1358]);
  });

  it('answering how the dates read imports the file again without recording its link-matched rows twice', async () => {
    const { h, partner, may11, nov5 } = await scenario('https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001');
    const data = frenchExcelCsv([
      ['7300000000000000001', '05/11/2026', 42, 1358],
      ['7300000000000000002', '11/05/2026', 7, 200],
    ]);
    await importCsv(h, partner.id, data);
    h.clock.advance(MINUTE);
    const answered = await importCsv(h, partner.id, data, 'dayFirst');
    expect(answered.matched.map((row) => row.postId)).toEqual([nov5, may11]);
    expect(await impressionsOf(h, nov5)).toEqual([1358]);
    expect(await impressionsOf(h, may11)).toEqual([200]);

    // A later export whose figures moved is recorded beside the first.
    h.clock.advance(DAY);
    await importCsv(h, partner.id, frenchExcelCsv([['7300000000000000001', '05/11/2026', 50, 1600]]), 'dayFirst');
    expect(await impressionsOf(h, nov5)).toEqual([1358, 1600]);
  });

  it('a date that reads as two days with no post on either is simply without a post, not a question', async () => {
    const { h, partner } = await scenario();
    const result = await importCsv(h, partner.id, frenchExcelCsv([['7300000000000000009', '03/04/2026', 5, 50]]));
    expect(result.unmatched.map((row) => [row.reason, row.possibleDays])).toEqual([['noPost', ['2026-03-04', '2026-04-03']]]);
  });
});
