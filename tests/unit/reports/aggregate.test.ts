import { describe, expect, it } from 'vitest';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import type { ReportPost } from '../../../shared/reports/input';
import type { ReportPartner } from '../../../shared/reports/model';
import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { octoberScenario, scenarioPosts } from '../../support/reportScenario';
import { HOUR, at, auditLog } from './entries';

/**
 * One partner in Paris, October 2026 (the clocks go back on Sunday 25th): the entries are in
 * tests/support/reportScenario.ts, every figure below worked out by hand from them. Paris is
 * UTC+2 until 25 Oct 01:00 UTC, UTC+1 after: October runs from 2026-09-30T22:00Z to 2026-10-31T23:00Z.
 */
const paris: ReportPartner = {
  id: 'partner-paris',
  displayName: 'Me Claire Dupont',
  role: 'Associée',
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone: 'Europe/Paris',
  locale: 'fr',
};

const post = (id: string, title: string, pillar: string | null, networks: ReportPost['networks'] = ['linkedin']): ReportPost => ({
  id,
  title,
  networks,
  status: 'published',
  pillar,
});

const posts: ReportPost[] = scenarioPosts.map((s) => ({ id: s.key, title: s.title, networks: s.networks, status: 'published', pillar: s.pillar }));

function fixture() {
  const { entries, add } = auditLog(paris.id);
  octoberScenario((key, iso, action, details, other) => add(key, iso, action, details, other ? { partnerId: 'partner-other' } : {}));
  return entries;
}

const cadence = CadencePolicy.parse({
  postsPerWeek: [
    { network: 'linkedin', min: 1, max: 2 },
    { network: 'x', min: 1 },
  ],
  maxPerDay: 1,
  quietDays: [7],
  quietHours: { from: '22:00', to: '07:00' },
  pillarTargets: [
    { pillar: 'expertise', share: 0.4 },
    { pillar: 'actualite', share: 0.4 },
    { pillar: 'cabinet', share: 0.2 },
  ],
});

const october = (entries = fixture()) => {
  const september = aggregateMonth({ month: '2026-09', partner: paris, entries, posts, generatedAt: 0 });
  return aggregateMonth({ month: '2026-10', partner: paris, entries, posts, cadence, previous: september.figures, generatedAt: 0 });
};

describe('aggregateMonth, October 2026 in Paris', () => {
  it('takes the month from local midnight to local midnight: 745 hours, the clocks going back on the 25th', () => {
    const report = october();
    expect(report.range).toEqual({ start: at('2026-09-30T22:00:00Z'), end: at('2026-10-31T23:00:00Z') });
    expect((report.range.end - report.range.start) / HOUR).toBe(745);
  });

  it('counts each outcome from the log, with the month edges in the partner’s zone', () => {
    const { figures } = october();
    expect(figures.counts).toEqual({
      drafted: 5, // B, C, D, E and L (1 Oct 00:30 local); not A (28 Sept) nor M (30 Sept 23:30 local)
      sentForSignoff: 6, // A, B, C, D, E, K
      signoffRequests: 7, // B asked twice
      approvedFirstTime: 2, // A, E
      approvedAfterChanges: 1, // B
      reapprovedAfterEdit: 0, // no approval voided by an edit this month
      changesRequested: 1,
      rejected: 1,
      withdrawn: 1,
      expired: 1,
      held: 1,
      missed: 1,
      failed: 1,
      published: 5, // A, B×2 networks, E, I (31 Oct 23:30 local); not H (moved to Nov) nor J (1 Nov 00:30 local)
    });
    expect(figures.publishedByNetwork).toEqual([
      { network: 'linkedin', count: 4 },
      { network: 'x', count: 1 },
    ]);
  });

  it('measures sign-off time request → decision: median and 90th percentile, and the on-time rate', () => {
    const { figures } = october();
    // Decisions: A 2 h, B 26 h (changes), B 24 h, C 4 h, E 8 h → sorted 2, 4, 8, 24, 26.
    expect([...figures.turnaround.samplesMs].sort((a, b) => a - b)).toEqual([2, 4, 8, 24, 26].map((h) => h * HOUR));
    expect(figures.turnaround.medianMs).toBe(8 * HOUR);
    // h = (5 − 1) × 0.9 = 3.6 → 24 + 0.6 × (26 − 24) = 25.2 h.
    expect(figures.turnaround.p90Ms).toBeCloseTo(25.2 * HOUR, 6);
    // On time: A, B (2nd), C; late: B (1st, 26 h for a 24 h deadline); expired: D; E had no deadline.
    expect(figures.onTime).toEqual({ onTime: 3, late: 1, expired: 1, due: 5, rate: 0.6 });
  });

  it('sums the editorial-line findings of the month’s requests and lists the override with its justification', () => {
    const { figures } = october();
    expect(figures.findings).toEqual({
      requests: 7,
      requestsWithFindings: 2,
      error: 1,
      warning: 2,
      info: 1,
      byKind: [
        { kind: 'sentenceLength', count: 2 },
        { kind: 'bannedTerm', count: 1 },
        { kind: 'forbiddenTopic', count: 1 },
      ],
    });
    expect(figures.overrides).toEqual([
      { at: at('2026-10-02T09:00:00Z'), postId: 'B', title: 'Clause de médiation ; « le juge, l’arbitre » et "nous"', justification: 'Citation exacte de l’arrêt, validée par l’associée.', findingCount: 1 },
    ]);
  });

  it('splits the month into ISO weeks in local time and judges the cadence on complete weeks only', () => {
    const report = october();
    expect(report.weeks.map((w) => [w.isoWeek, w.from, w.to, w.complete, w.total])).toEqual([
      [40, '2026-10-01', '2026-10-04', false, 0],
      [41, '2026-10-05', '2026-10-11', true, 3], // A (LinkedIn), B (LinkedIn + X)
      [42, '2026-10-12', '2026-10-18', true, 0],
      [43, '2026-10-19', '2026-10-25', true, 1], // E, 25 Oct 02:30 local
      [44, '2026-10-26', '2026-10-31', false, 1], // I, 31 Oct 23:30 local
    ]);
    expect(report.cadence?.targets).toEqual([
      // LinkedIn 1–2: W41 2 ✓, W42 0 ✗, W43 1 ✓; 4 publications × 7 / 31 days.
      { network: 'linkedin', min: 1, max: 2, published: 4, averagePerWeek: 28 / 31, weeksJudged: 3, weeksOnTarget: 2, weeksBelow: 1, weeksAbove: 0 },
      // X ≥ 1: W41 1 ✓, W42 0 ✗, W43 0 ✗.
      { network: 'x', min: 1, max: null, published: 1, averagePerWeek: 7 / 31, weeksJudged: 3, weeksOnTarget: 1, weeksBelow: 2, weeksAbove: 0 },
    ]);
    // Two publications on 7 Oct for a maximum of one a day; E on a Sunday (quiet day, and 02:30 is in quiet hours), I at 23:30.
    expect(report.cadence?.maxPerDay).toEqual({ max: 1, daysOver: [{ date: '2026-10-07', count: 2 }] });
    expect(report.cadence?.outsideWindows).toBe(2);
  });

  it('gives the pillar mix of the posts published, each once, against the targets', () => {
    const { pillars } = october();
    // Published posts: A, B (expertise), E (actualite), I (cabinet).
    expect(pillars).toEqual({
      basis: 4,
      hasTargets: true,
      rows: [
        { pillar: 'expertise', count: 2, share: 0.5, target: 0.4 },
        { pillar: 'actualite', count: 1, share: 0.25, target: 0.4 },
        { pillar: 'cabinet', count: 1, share: 0.25, target: 0.2 },
      ],
    });
  });

  it('lists the published posts of the month in order, with network and link', () => {
    const { published } = october();
    expect(published.map((p) => [p.postId, p.network, p.at])).toEqual([
      ['A', 'linkedin', at('2026-10-05T08:00:00Z')],
      ['B', 'linkedin', at('2026-10-07T10:00:00Z')],
      ['B', 'x', at('2026-10-07T10:00:00Z')],
      ['E', 'linkedin', at('2026-10-25T01:30:00Z')],
      ['I', 'linkedin', at('2026-10-31T22:30:00Z')],
    ]);
    expect(published[0]?.url).toBe('https://www.linkedin.com/feed/update/urn:li:activity:1');
  });

  it('compares with September: two drafts then (A, M), nothing else', () => {
    const report = october();
    expect(report.previous?.counts.drafted).toBe(2);
    expect(report.comparison.find((c) => c.key === 'drafted')).toEqual({ key: 'drafted', current: 5, previous: 2 });
    expect(report.comparison.find((c) => c.key === 'published')).toEqual({ key: 'published', current: 5, previous: 0 });
    expect(report.comparison.find((c) => c.key === 'turnaroundMedian')).toEqual({ key: 'turnaroundMedian', current: 8 * HOUR, previous: null });
  });

  it('keeps one event row per entry of the month, decisions carrying their turnaround and deadline verdict', () => {
    const { events } = october();
    // 34 entries, less A created (Sept), H published (Nov), J published (Nov), M created (Sept), Z (another partner).
    expect(events).toHaveLength(29);
    const late = events.find((e) => e.action === 'requestChanges');
    expect(late).toMatchObject({ postId: 'B', turnaroundMs: 26 * HOUR, onTime: false, requestId: 'rB1', comment: 'Raccourcir.\nEt citer l’arrêt.' });
    expect(events.find((e) => e.action === 'moved')?.postId).toBe('H');
  });
});

describe('aggregateMonth, other months', () => {
  it('counts the posts moved across the month edge where they happened: November has H and J', () => {
    const november = aggregateMonth({ month: '2026-11', partner: paris, entries: fixture(), posts, generatedAt: 0 });
    expect(november.published.map((p) => p.postId)).toEqual(['J', 'H']);
    expect(november.range).toEqual({ start: at('2026-10-31T23:00:00Z'), end: at('2026-11-30T23:00:00Z') });
  });

  it('gives an honest empty report for a month with no activity', () => {
    const december = aggregateMonth({ month: '2026-12', partner: paris, entries: fixture(), posts, generatedAt: 0 });
    expect(december.empty).toBe(true);
    expect(Object.values(december.figures.counts).every((n) => n === 0)).toBe(true);
    expect(december.figures.turnaround).toEqual({ decisions: 0, medianMs: null, p90Ms: null, samplesMs: [] });
    expect(december.figures.onTime.rate).toBeNull();
    expect(december.weeks).toHaveLength(5); // W49–W53 (28 Dec–3 Jan, partial)
    expect(december.pillars).toEqual({ basis: 0, hasTargets: false, rows: [] });
    expect(december.cadence).toBeNull();
    expect(december.events).toEqual([]);
  });

  it('says "no target set" for a line whose cadence sets none, and still judges its pillar targets', () => {
    const onlyPillars = CadencePolicy.parse({ pillarTargets: [{ pillar: 'expertise', share: 0.5 }] });
    const report = aggregateMonth({ month: '2026-10', partner: paris, entries: fixture(), posts, cadence: onlyPillars, generatedAt: 0 });
    expect(report.cadence).toBeNull();
    expect(report.pillars.hasTargets).toBe(true);
    expect(report.pillars.rows[0]).toEqual({ pillar: 'expertise', count: 2, share: 0.5, target: 0.5 });
  });

  it('reads March 2026 in Paris as 743 hours (the clocks go forward on the 29th)', () => {
    const march = aggregateMonth({ month: '2026-03', partner: paris, entries: [], posts: [], generatedAt: 0 });
    expect((march.range.end - march.range.start) / HOUR).toBe(743);
  });

  it('classifies a post approved after a rejection and a reopening as approved after changes', () => {
    const { entries, add } = auditLog(paris.id);
    add('P', '2026-09-10T08:00:00Z', 'requestSignoff', { requestId: 'r1' });
    add('P', '2026-09-11T08:00:00Z', 'reject', { requestId: 'r1', requestedAt: at('2026-09-10T08:00:00Z') });
    add('P', '2026-10-02T08:00:00Z', 'requestSignoff', { requestId: 'r2' });
    add('P', '2026-10-02T12:00:00Z', 'approve', { requestId: 'r2' }); // no requestedAt: taken from the request entry
    const report = aggregateMonth({ month: '2026-10', partner: paris, entries, posts: [post('P', 'Reprise', null)], generatedAt: 0 });
    expect(report.figures.counts).toMatchObject({ approvedFirstTime: 0, approvedAfterChanges: 1, rejected: 0 });
    expect(report.figures.turnaround.samplesMs).toEqual([4 * HOUR]);
  });
});
