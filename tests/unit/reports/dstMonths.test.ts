import { describe, expect, it } from 'vitest';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import type { ReportPost } from '../../../shared/reports/input';
import type { ReportPartner } from '../../../shared/reports/model';
import { HOUR, at, auditLog } from './entries';

/**
 * March 2026, the month the clocks go forward: in Paris on Sunday 29th at 01:00 UTC (02:00 →
 * 03:00 local), in New York on Sunday 8th at 07:00 UTC (02:00 → 03:00 local). Paris is UTC+1
 * before, UTC+2 after; New York UTC−5, then UTC−4. Every figure below is worked out by hand.
 */
const partner = (id: string, timeZone: string): ReportPartner => ({
  id,
  displayName: id,
  role: '',
  organisation: '',
  color: '#1d4ed8',
  timeZone,
  locale: 'fr',
});

const posts: ReportPost[] = ['P0', 'P1', 'P2', 'P3', 'P4'].map((id) => ({ id, title: id, networks: ['linkedin'], status: 'published', pillar: null }));

function parisMarch() {
  const paris = partner('paris', 'Europe/Paris');
  const { entries, add } = auditLog(paris.id);
  add('P0', '2026-02-28T22:30:00Z', 'created'); // 28 Feb 23:30 local: February
  add('P1', '2026-02-28T23:30:00Z', 'created'); // 1 Mar 00:30 local: March
  // Asked at local midnight on the 29th, decided at 04:30 local: 4 h 30 on the wall, 3 h 30 lived (the lost hour).
  add('P1', '2026-03-28T23:00:00Z', 'requestSignoff', { requestId: 'r1', deadlineAt: at('2026-03-29T03:00:00Z') });
  add('P1', '2026-03-29T02:30:00Z', 'approve', { requestId: 'r1', requestedAt: at('2026-03-28T23:00:00Z'), deadlineAt: at('2026-03-29T03:00:00Z') });
  add('P1', '2026-03-29T06:00:00Z', 'published', { network: 'linkedin', remoteId: '1', url: null }); // Sun 29 Mar 08:00 local, ISO week 13
  // P4 was planned for April, moved to 10 March, published then: March's.
  add('P4', '2026-03-02T09:00:00Z', 'moved', { fromInstant: at('2026-04-07T08:00:00Z'), toInstant: at('2026-03-10T09:00:00Z'), zone: 'Europe/Paris' });
  add('P4', '2026-03-10T09:00:00Z', 'published', { network: 'linkedin', remoteId: '4', url: null }); // week 11
  add('P2', '2026-03-31T21:30:00Z', 'published', { network: 'linkedin', remoteId: '2', url: null }); // 31 Mar 23:30 local: March, week 14
  add('P3', '2026-03-31T22:30:00Z', 'published', { network: 'linkedin', remoteId: '3', url: null }); // 1 Apr 00:30 local: April
  return { paris, entries };
}

describe('aggregateMonth, March 2026 (clocks go forward)', () => {
  it('runs March in Paris from 28 Feb 23:00 UTC to 31 Mar 22:00 UTC, 743 hours', () => {
    const { paris, entries } = parisMarch();
    const report = aggregateMonth({ month: '2026-03', partner: paris, entries, posts, generatedAt: 0 });
    expect(report.range).toEqual({ start: at('2026-02-28T23:00:00Z'), end: at('2026-03-31T22:00:00Z') });
    expect((report.range.end - report.range.start) / HOUR).toBe(743);
  });

  it('counts each event in the local month it happened in, the moved post in March', () => {
    const { paris, entries } = parisMarch();
    const march = aggregateMonth({ month: '2026-03', partner: paris, entries, posts, generatedAt: 0 });
    expect(march.figures.counts).toMatchObject({ drafted: 1, sentForSignoff: 1, approvedFirstTime: 1, published: 3 });
    expect(march.published.map((p) => p.postId)).toEqual(['P4', 'P1', 'P2']);
    const april = aggregateMonth({ month: '2026-04', partner: paris, entries, posts, generatedAt: 0 });
    expect(april.published.map((p) => p.postId)).toEqual(['P3']);
    const february = aggregateMonth({ month: '2026-02', partner: paris, entries, posts, generatedAt: 0 });
    expect(february.figures.counts.drafted).toBe(1);
  });

  it('measures the sign-off across the lost hour as lived: 3 h 30, on time', () => {
    const { paris, entries } = parisMarch();
    const { figures } = aggregateMonth({ month: '2026-03', partner: paris, entries, posts, generatedAt: 0 });
    expect(figures.turnaround.samplesMs).toEqual([3.5 * HOUR]);
    expect(figures.turnaround.medianMs).toBe(3.5 * HOUR);
    expect(figures.onTime).toEqual({ onTime: 1, late: 0, expired: 0, due: 1, rate: 1 });
  });

  it('puts the publications in local ISO weeks: W9 is only Sunday 1 March, W14 only 30–31 March', () => {
    const { paris, entries } = parisMarch();
    const { weeks } = aggregateMonth({ month: '2026-03', partner: paris, entries, posts, generatedAt: 0 });
    expect(weeks.map((w) => [w.isoWeek, w.from, w.to, w.complete, w.total])).toEqual([
      [9, '2026-03-01', '2026-03-01', false, 0],
      [10, '2026-03-02', '2026-03-08', true, 0],
      [11, '2026-03-09', '2026-03-15', true, 1], // P4, 10 Mar
      [12, '2026-03-16', '2026-03-22', true, 0],
      [13, '2026-03-23', '2026-03-29', true, 1], // P1, Sunday 29th, after the change
      [14, '2026-03-30', '2026-03-31', false, 1], // P2, 31 Mar 23:30
    ]);
  });

  it('takes New York’s own change of hour (8 March): the same instants fall in other months there', () => {
    const newYork = partner('new-york', 'America/New_York');
    const { entries, add } = auditLog(newYork.id);
    add('P0', '2026-03-01T04:30:00Z', 'created'); // 28 Feb 23:30 in New York (UTC−5), 1 Mar 05:30 in Paris
    add('P1', '2026-03-01T05:30:00Z', 'created'); // 1 Mar 00:30 in New York
    add('P2', '2026-04-01T03:30:00Z', 'published', { network: 'linkedin', remoteId: '2', url: null }); // 31 Mar 23:30 (UTC−4)
    add('P3', '2026-04-01T04:30:00Z', 'published', { network: 'linkedin', remoteId: '3', url: null }); // 1 Apr 00:30
    const march = aggregateMonth({ month: '2026-03', partner: newYork, entries, posts, generatedAt: 0 });
    expect(march.range).toEqual({ start: at('2026-03-01T05:00:00Z'), end: at('2026-04-01T04:00:00Z') });
    expect((march.range.end - march.range.start) / HOUR).toBe(743);
    expect(march.figures.counts).toMatchObject({ drafted: 1, published: 1 });
    expect(march.published.map((p) => p.postId)).toEqual(['P2']);
  });
});
