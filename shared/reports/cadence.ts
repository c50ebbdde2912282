import type { CadencePolicy } from '../calendar/cadencePolicy';
import { addDays, isoWeek, parseLocalTime, startOfIsoWeek } from '../calendar/civil';
import type { IsoWeekday, LocalDate } from '../calendar/civil';
import { networks } from '../posts/networks';
import type { Network } from '../posts/networks';
import type { CadenceResult, CadenceTarget, NetworkCount, WeekRow } from './model';
import { localClock } from './localClock';
import { monthDates } from './month';
import type { ReportMonth } from './month';

/** A publication as the partner saw it: local date and time in their zone. */
export interface LocalPublication {
  date: LocalDate;
  time: string;
  weekday: IsoWeekday;
  network: Network | null;
}

export function localPublication(at: number, zone: string, network: Network | null): LocalPublication {
  return { ...localClock(at, zone), network };
}

export function networkCounts(list: readonly (Network | null)[]): NetworkCount[] {
  return networks
    .map((network) => ({ network, count: list.filter((n) => n === network).length }))
    .filter((row) => row.count > 0);
}

type WeekFrame = Omit<WeekRow, 'byNetwork' | 'total'>;

// A month's weeks never change: worked out once (civil arithmetic is not free), then reused.
const frames = new Map<ReportMonth, WeekFrame[]>();

function weekFrames(month: ReportMonth): WeekFrame[] {
  const known = frames.get(month);
  if (known) return known;
  const dates = monthDates(month);
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? '';
  const computed = [...new Set(dates.map(startOfIsoWeek))].map((weekStart) => {
    const weekEnd = addDays(weekStart, 6);
    const from = weekStart < first ? first : weekStart;
    const to = weekEnd > last ? last : weekEnd;
    const { isoWeekYear, isoWeek: week } = isoWeek(weekStart);
    return { isoWeekYear, isoWeek: week, weekStart, from, to, complete: from === weekStart && to === weekEnd };
  });
  frames.set(month, computed);
  return computed;
}

/** The ISO weeks (Monday–Sunday) that touch the month, clipped to it. */
export function weeksOf(month: ReportMonth, publications: readonly LocalPublication[]): WeekRow[] {
  return weekFrames(month).map((frame) => {
    const inWeek = publications.filter((p) => p.date >= frame.from && p.date <= frame.to);
    return { ...frame, byNetwork: networkCounts(inWeek.map((p) => p.network)), total: inWeek.length };
  });
}

function inQuietHours(time: string, quiet: { from: string; to: string }): boolean {
  const t = parseLocalTime(time);
  const from = parseLocalTime(quiet.from);
  const to = parseLocalTime(quiet.to);
  // 20:00–08:00 wraps midnight.
  return from <= to ? t >= from && t < to : t >= from || t < to;
}

/** Whether a policy sets anything the month can be judged against (pillar targets aside). */
export const judgesCadence = (policy: CadencePolicy): boolean =>
  policy.postsPerWeek.length > 0 ||
  policy.maxPerDay !== undefined ||
  policy.quietDays.length > 0 ||
  policy.quietHours !== undefined ||
  policy.blackoutDates.length > 0;

/**
 * The month against the line's targets. Posts per week are judged on complete ISO weeks only:
 * a week cut by the month's edge has not had its chance to meet a weekly target.
 */
export function cadenceOf(policy: CadencePolicy, weeks: readonly WeekRow[], publications: readonly LocalPublication[]): CadenceResult {
  // Days of the month, from the weeks (each clipped to the month).
  const days = weeks.reduce((sum, w) => sum + 1 + dayIndex(w.to) - dayIndex(w.from), 0);
  const judged = weeks.filter((w) => w.complete);
  const targets: CadenceTarget[] = policy.postsPerWeek.map((target) => {
    const countIn = (week: WeekRow) => week.byNetwork.find((n) => n.network === target.network)?.count ?? 0;
    const below = judged.filter((w) => target.min !== undefined && countIn(w) < target.min).length;
    const above = judged.filter((w) => target.max !== undefined && countIn(w) > target.max).length;
    const published = publications.filter((p) => p.network === target.network).length;
    return {
      network: target.network,
      min: target.min ?? null,
      max: target.max ?? null,
      published,
      averagePerWeek: days === 0 ? 0 : (published * 7) / days,
      weeksJudged: judged.length,
      weeksOnTarget: judged.length - below - above,
      weeksBelow: below,
      weeksAbove: above,
    };
  });

  const perDay = new Map<LocalDate, number>();
  for (const p of publications) perDay.set(p.date, (perDay.get(p.date) ?? 0) + 1);
  const max = policy.maxPerDay;
  const maxPerDay =
    max === undefined
      ? null
      : { max, daysOver: [...perDay].filter(([, n]) => n > max).sort(([a], [b]) => a.localeCompare(b)).map(([date, n]) => ({ date, count: n })) };

  const quietDays = new Set<number>(policy.quietDays);
  const blackout = new Set(policy.blackoutDates);
  const quietHours = policy.quietHours;
  const outsideWindows = publications.filter(
    (p) => quietDays.has(p.weekday) || blackout.has(p.date) || (quietHours !== undefined && inQuietHours(p.time, quietHours)),
  ).length;

  return { targets, maxPerDay, outsideWindows };
}

const dayIndex = (date: LocalDate): number => Number(date.slice(8, 10));
