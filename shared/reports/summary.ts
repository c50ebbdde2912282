import type { Locale } from '../partners/schema';
import { networks } from '../posts/networks';
import { weeksOf } from './cadence';
import { compare } from './comparison';
import type { Findings, MonthFigures, NetworkCount, PartnerReport, ReportCounts, SummaryReport, WeekRow } from './model';
import { countKeys } from './model';
import { previousMonth } from './month';
import type { ReportMonth } from './month';
import { poolPillarMixes } from './pillars';
import { onTimeOf, turnaroundOf } from './signoff';

function sumNetworks(lists: readonly NetworkCount[][]): NetworkCount[] {
  return networks
    .map((network) => ({ network, count: lists.reduce((sum, list) => sum + (list.find((n) => n.network === network)?.count ?? 0), 0) }))
    .filter((row) => row.count > 0);
}

/** Several partners' figures as one: counts add up, percentiles are recomputed from the pooled samples. */
export function poolFigures(all: readonly MonthFigures[]): MonthFigures {
  const counts = Object.fromEntries(countKeys.map((key) => [key, all.reduce((sum, f) => sum + f.counts[key], 0)])) as ReportCounts;
  const byKind = new Map<string, number>();
  for (const f of all) for (const { kind, count } of f.findings.byKind) byKind.set(kind, (byKind.get(kind) ?? 0) + count);
  const findings: Findings = {
    requests: all.reduce((sum, f) => sum + f.findings.requests, 0),
    requestsWithFindings: all.reduce((sum, f) => sum + f.findings.requestsWithFindings, 0),
    error: all.reduce((sum, f) => sum + f.findings.error, 0),
    warning: all.reduce((sum, f) => sum + f.findings.warning, 0),
    info: all.reduce((sum, f) => sum + f.findings.info, 0),
    byKind: [...byKind].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([kind, count]) => ({ kind, count })),
  };
  return {
    counts,
    publishedByNetwork: sumNetworks(all.map((f) => f.publishedByNetwork)),
    turnaround: turnaroundOf(all.flatMap((f) => f.turnaround.samplesMs)),
    onTime: onTimeOf(
      all.reduce((sum, f) => sum + f.onTime.onTime, 0),
      all.reduce((sum, f) => sum + f.onTime.late, 0),
      all.reduce((sum, f) => sum + f.onTime.expired, 0),
    ),
    findings,
    overrides: all.flatMap((f) => f.overrides).sort((a, b) => a.at - b.at),
  };
}

/** Weeks are local dates, the same for every partner of the month: add them up week by week. */
function poolWeeks(month: ReportMonth, lists: readonly WeekRow[][]): WeekRow[] {
  return weeksOf(month, []).map((week) => {
    const same = lists.map((list) => list.find((w) => w.weekStart === week.weekStart)?.byNetwork ?? []);
    const byNetwork = sumNetworks(same);
    return { ...week, byNetwork, total: byNetwork.reduce((sum, n) => sum + n.count, 0) };
  });
}

export interface SummaryInput {
  month: ReportMonth;
  reports: readonly PartnerReport[];
  locale: Locale;
  zone: string;
  generatedAt: number;
}

/** All partners together, from their own reports (each partner's month in their own zone). */
export function aggregateAll(input: SummaryInput): SummaryReport {
  const { reports } = input;
  const totals = poolFigures(reports.map((r) => r.figures));
  const previousList = reports.flatMap((r) => (r.previous ? [r.previous] : []));
  const previous = previousList.length === 0 ? null : poolFigures(previousList);
  return {
    kind: 'summary',
    month: input.month,
    previousMonth: previousMonth(input.month),
    generatedAt: input.generatedAt,
    locale: input.locale,
    zone: input.zone,
    empty: reports.every((r) => r.empty),
    rows: reports.map((r) => ({ partner: r.partner, empty: r.empty, figures: r.figures })),
    totals,
    previous,
    comparison: compare(totals, previous),
    weeks: poolWeeks(input.month, reports.map((r) => r.weeks)),
    pillars: poolPillarMixes(reports.map((r) => r.pillars)),
  };
}
