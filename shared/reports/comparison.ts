import { comparisonKeys } from './model';
import type { ComparisonKey, ComparisonLine, MonthFigures } from './model';

const value = (figures: MonthFigures, key: ComparisonKey): number | null => {
  const c = figures.counts;
  switch (key) {
    case 'published':
      return c.published;
    case 'drafted':
      return c.drafted;
    case 'sentForSignoff':
      return c.sentForSignoff;
    case 'approvedFirstTime':
      return c.approvedFirstTime;
    case 'approvedAfterChanges':
      return c.approvedAfterChanges;
    case 'rejected':
      return c.rejected;
    case 'turnaroundMedian':
      return figures.turnaround.medianMs;
    case 'turnaroundP90':
      return figures.turnaround.p90Ms;
    case 'onTimeRate':
      return figures.onTime.rate;
    case 'findings':
      return figures.findings.error + figures.findings.warning + figures.findings.info;
    case 'overrides':
      return figures.overrides.length;
  }
};

/** This month beside the previous one, key by key; `previous` null when it is unknown. */
export function compare(current: MonthFigures, previous: MonthFigures | null): ComparisonLine[] {
  return comparisonKeys.map((key) => ({ key, current: value(current, key), previous: previous ? value(previous, key) : null }));
}
