import { describe, expect, it } from 'vitest';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import type { ReportPartner } from '../../../shared/reports/model';
import { aggregateAll } from '../../../shared/reports/summary';
import { octoberScenario, scenarioPosts } from '../../support/reportScenario';
import { HOUR, at, auditLog } from './entries';

const partner = (id: string, timeZone: string, locale: 'fr' | 'en'): ReportPartner => ({
  id,
  displayName: id,
  role: '',
  organisation: '',
  color: '#1d4ed8',
  timeZone,
  locale,
});

const paris = partner('paris', 'Europe/Paris', 'fr');
const newYork = partner('new-york', 'America/New_York', 'en');

function reports() {
  const parisLog = auditLog(paris.id);
  octoberScenario((key, iso, action, details, other) => parisLog.add(key, iso, action, details, other ? { partnerId: 'someone-else' } : {}));
  const posts = scenarioPosts.map((s) => ({ id: s.key, title: s.title, networks: s.networks, status: 'published' as const, pillar: s.pillar }));

  // New York: a 10-hour approval on time, published at 03:30 UTC on 1 Nov — still 31 Oct, 23:30 EDT there.
  const nyLog = auditLog(newYork.id);
  nyLog.add('N', '2026-10-12T14:00:00Z', 'requestSignoff', { requestId: 'rN', deadlineAt: at('2026-10-13T14:00:00Z') });
  nyLog.add('N', '2026-10-13T00:00:00Z', 'approve', { requestId: 'rN', requestedAt: at('2026-10-12T14:00:00Z'), deadlineAt: at('2026-10-13T14:00:00Z') });
  nyLog.add('N', '2026-11-01T03:30:00Z', 'published', { network: 'linkedin', remoteId: 'n', url: null });
  const nyPosts = [{ id: 'N', title: 'Delaware update', networks: ['linkedin' as const], status: 'published' as const, pillar: 'expertise' }];

  return [
    aggregateMonth({ month: '2026-10', partner: paris, entries: parisLog.entries, posts, generatedAt: 0 }),
    aggregateMonth({ month: '2026-10', partner: newYork, entries: nyLog.entries, posts: nyPosts, generatedAt: 0 }),
  ];
}

describe('aggregateAll', () => {
  it('adds up the partners, each over their own month in their own zone', () => {
    const summary = aggregateAll({ month: '2026-10', reports: reports(), locale: 'fr', zone: 'Europe/Paris', generatedAt: 0 });
    expect(summary.rows.map((r) => r.figures.counts.published)).toEqual([5, 1]);
    expect(summary.totals.counts.published).toBe(6);
    expect(summary.totals.counts.approvedFirstTime).toBe(3); // Paris A, E; New York N
    expect(summary.totals.publishedByNetwork).toEqual([
      { network: 'linkedin', count: 5 },
      { network: 'x', count: 1 },
    ]);
    // W44 (26–31 Oct): Paris's I and New York's N.
    expect(summary.weeks.find((w) => w.isoWeek === 44)?.total).toBe(2);
  });

  it('recomputes the percentiles from every decision pooled, not from the partners’ percentiles', () => {
    const summary = aggregateAll({ month: '2026-10', reports: reports(), locale: 'fr', zone: 'Europe/Paris', generatedAt: 0 });
    // Paris 2, 4, 8, 24, 26 h + New York 10 h → 2, 4, 8, 10, 24, 26: median (8 + 10) / 2 = 9 h;
    // p90: h = 5 × 0.9 = 4.5 → 24 + 0.5 × 2 = 25 h.
    expect(summary.totals.turnaround.medianMs).toBe(9 * HOUR);
    expect(summary.totals.turnaround.p90Ms).toBeCloseTo(25 * HOUR, 6);
    // On time: Paris 3 of 5 due, New York 1 of 1.
    expect(summary.totals.onTime).toMatchObject({ onTime: 4, due: 6 });
    expect(summary.totals.onTime.rate).toBeCloseTo(4 / 6, 10);
    // Pillars pooled without targets: expertise A, B, N; actualite E; cabinet I.
    expect(summary.pillars.rows.map((r) => [r.pillar, r.count])).toEqual([
      ['expertise', 3],
      ['actualite', 1],
      ['cabinet', 1],
    ]);
  });

  it('is empty, not an error, with no partner or no activity', () => {
    const summary = aggregateAll({ month: '2026-12', reports: [], locale: 'en', zone: 'UTC', generatedAt: 0 });
    expect(summary.empty).toBe(true);
    expect(summary.totals.counts.published).toBe(0);
    expect(summary.totals.turnaround.medianMs).toBeNull();
    expect(summary.previous).toBeNull();
    expect(summary.weeks).toHaveLength(5);
  });
});
