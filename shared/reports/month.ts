import { z } from 'zod';
import { addMonths, datesBetween, firstDayOfMonth, lastDayOfMonth } from '../calendar/civil';
import type { LocalDate } from '../calendar/civil';
import { startOfLocalDay } from '../calendar/zonedTime';

/** A calendar month, 'YYYY-MM'. */
export const ReportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'errors.month' });
export type ReportMonth = z.infer<typeof ReportMonth>;

/** [start, end) in epoch ms: the instants of a month as lived in one zone. */
export interface InstantRange {
  start: number;
  end: number;
}

// A month in a zone never changes, and working it out (civil dates, zone lookups) costs more
// than a whole partner's aggregation in the benchmark: computed once per month and zone.
const ranges = new Map<string, InstantRange>();

/**
 * The month as the partner lives it: from their local midnight on the 1st to their local
 * midnight on the 1st of the next month. In Paris, October 2026 starts at 22:00 UTC on
 * 30 September and ends at 23:00 UTC on 31 October (the clocks go back on the 25th): 745 hours.
 */
export function monthRange(month: ReportMonth, zone: string): InstantRange {
  const key = `${month} ${zone}`;
  const known = ranges.get(key);
  if (known) return { ...known };
  const range = {
    start: startOfLocalDay(firstDayOfMonth(month), zone),
    end: startOfLocalDay(firstDayOfMonth(addMonths(month, 1)), zone),
  };
  if (ranges.size >= 10_000) ranges.clear();
  ranges.set(key, range);
  return { ...range };
}

export const previousMonth = (month: ReportMonth): ReportMonth => addMonths(month, -1);

export const monthDates = (month: ReportMonth): LocalDate[] => datesBetween(firstDayOfMonth(month), lastDayOfMonth(month));

/**
 * Where a month stands at an instant (the report's generation time, never the machine's clock):
 * not begun yet, under way (its figures stop at that instant), or over.
 */
export type MonthProgress = 'future' | 'current' | 'past';

export function monthProgress(range: InstantRange, at: number): MonthProgress {
  return at < range.start ? 'future' : at < range.end ? 'current' : 'past';
}

/**
 * Several partners' months, each in its own zone, as one: under way while any of them is, not
 * begun while none has, over once all are.
 */
export function pooledProgress(progress: readonly MonthProgress[]): MonthProgress {
  if (progress.includes('current')) return 'current';
  if (progress.length > 0 && progress.every((p) => p === 'future')) return 'future';
  return progress.includes('future') && progress.includes('past') ? 'current' : 'past';
}
