import { z } from 'zod';
import { addDays, addMonths, firstDayOfMonth, isoWeek, lastDayOfMonth, monthOf, startOfIsoWeek } from '../calendar/civil';
import type { LocalDate } from '../calendar/civil';
import { startOfLocalDay, todayIn } from '../calendar/zonedTime';

/** How often a partner hears from Plume; 'off' sends nothing. */
export const DigestFrequency = z.enum(['monthly', 'weekly', 'off']);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

/**
 * One digest's span as the partner lives it: a calendar month or an ISO week (Monday–Sunday)
 * in their zone, [start, end) in epoch ms; `from`/`to` are its first and last local dates.
 */
export const DigestPeriod = z.object({
  frequency: z.enum(['monthly', 'weekly']),
  /** '2026-11' or '2026-W48': the idempotency key's period part. */
  key: z.string(),
  from: z.string(),
  to: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type DigestPeriod = z.infer<typeof DigestPeriod>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The period of `frequency` that holds the local date `date`. */
export function periodOf(frequency: 'monthly' | 'weekly', date: LocalDate, zone: string): DigestPeriod {
  if (frequency === 'monthly') {
    const month = monthOf(date);
    const from = firstDayOfMonth(month);
    return {
      frequency,
      key: month,
      from,
      to: lastDayOfMonth(month),
      start: startOfLocalDay(from, zone),
      end: startOfLocalDay(firstDayOfMonth(addMonths(month, 1)), zone),
    };
  }
  const from = startOfIsoWeek(date);
  const { isoWeekYear, isoWeek: week } = isoWeek(from);
  return {
    frequency,
    key: `${isoWeekYear}-W${pad(week)}`,
    from,
    to: addDays(from, 6),
    start: startOfLocalDay(from, zone),
    end: startOfLocalDay(addDays(from, 7), zone),
  };
}

/** The latest period that has ended by `now` in the partner's zone (the one a digest reports on). */
export function lastEndedPeriod(frequency: 'monthly' | 'weekly', now: number, zone: string): DigestPeriod {
  const current = periodOf(frequency, todayIn(zone, now), zone);
  return periodOf(frequency, addDays(current.from, -1), zone);
}

/** The period right after `period`: what is planned next. */
export function followingPeriod(period: DigestPeriod, zone: string): DigestPeriod {
  return periodOf(period.frequency, addDays(period.to, 1), zone);
}
