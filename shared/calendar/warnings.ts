import type { Network } from '../posts/networks';
import type { PostStatus } from '../posts/schema';
import type { CadencePolicy } from './cadencePolicy';
import { addDays, datesBetween, firstDayOfMonth, lastDayOfMonth, monthOf, parseLocalTime, startOfIsoWeek } from './civil';
import type { IsoWeekday, LocalDate, LocalMonth, LocalTime } from './civil';
import { instantRangeOfDates } from './grid';
import type { InstantRange } from './grid';
import { frenchHolidaysOn, observesFrenchHolidays } from './holidays';
import type { FrenchHolidayId } from './holidays';
import { localParts } from './zonedTime';

/**
 * Calendar warnings: a partner's posts checked against their `CadencePolicy`, all in the
 * partner's zone. Each warning has a stable `kind`, the numbers an i18n message needs
 * (`messageParams.ts`) and the ids of the posts concerned.
 */

export interface CalendarPost {
  id: string;
  instant: number;
  networks: readonly Network[];
  pillar?: string | null;
  status: PostStatus;
}

/** Local dates, both included. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

export interface CadenceShortfallWarning {
  kind: 'cadenceShortfall';
  weekStart: LocalDate;
  weekEnd: LocalDate;
  network: Network;
  count: number;
  min: number;
  postIds: string[];
}

export interface CadenceExcessWarning {
  kind: 'cadenceExcess';
  weekStart: LocalDate;
  weekEnd: LocalDate;
  network: Network;
  count: number;
  max: number;
  postIds: string[];
}

export interface DailyLimitWarning {
  kind: 'dailyLimitExceeded';
  date: LocalDate;
  count: number;
  max: number;
  postIds: string[];
}

export interface QuietDayWarning {
  kind: 'quietDay';
  date: LocalDate;
  time: LocalTime;
  weekday: IsoWeekday;
  postIds: string[];
}

export interface QuietHoursWarning {
  kind: 'quietHours';
  date: LocalDate;
  time: LocalTime;
  from: LocalTime;
  to: LocalTime;
  postIds: string[];
}

export interface FrenchHolidayWarning {
  kind: 'frenchHoliday';
  date: LocalDate;
  time: LocalTime;
  holiday: FrenchHolidayId;
  postIds: string[];
}

export interface BlackoutDateWarning {
  kind: 'blackoutDate';
  date: LocalDate;
  time: LocalTime;
  postIds: string[];
}

export interface PillarOffTargetWarning {
  kind: 'pillarOffTarget';
  month: LocalMonth;
  pillar: string;
  /** Posts of this pillar in the month, out of `total` posts in the month. */
  count: number;
  total: number;
  actualShare: number;
  targetShare: number;
  /** Rounded for display. */
  actualPercent: number;
  targetPercent: number;
  /** actual − target, in percentage points, one decimal (negative: under target). */
  deviationPoints: number;
  postIds: string[];
}

export type CalendarWarning =
  | CadenceShortfallWarning
  | CadenceExcessWarning
  | DailyLimitWarning
  | QuietDayWarning
  | QuietHoursWarning
  | FrenchHolidayWarning
  | BlackoutDateWarning
  | PillarOffTargetWarning;

export type CalendarWarningKind = CalendarWarning['kind'];

export const calendarWarningKinds = [
  'cadenceShortfall',
  'cadenceExcess',
  'dailyLimitExceeded',
  'quietDay',
  'quietHours',
  'frenchHoliday',
  'blackoutDate',
  'pillarOffTarget',
] as const satisfies readonly CalendarWarningKind[];

/** Posts that will not go out count for nothing. */
const inactiveStatuses: ReadonlySet<PostStatus> = new Set(['withdrawn', 'rejected', 'expired', 'failed']);
/** A published post can no longer be moved: it still counts, but gets no placement warning. */
const settledStatuses: ReadonlySet<PostStatus> = new Set(['published']);

export interface CalendarWarningsInput {
  policy: CadencePolicy;
  /** The partner's zone: days, weeks, months and hours are theirs. */
  zone: string;
  /** Posts covering `analysisWindow(range)` (whole weeks and months), or the counts will be short. */
  posts: readonly CalendarPost[];
  range: DateRange;
  /** Count Alsace-Moselle's extra holidays too. */
  alsaceMoselle?: boolean;
  /** Pillar shares further than this from target are flagged (default 10 points). */
  pillarTolerancePoints?: number;
}

interface PlacedPost {
  post: CalendarPost;
  date: LocalDate;
  time: LocalTime;
  weekday: IsoWeekday;
}

/**
 * The dates a range's warnings depend on: cadence is judged on whole ISO weeks and the pillar
 * mix on whole months, so a month view needs the posts of the weeks that straddle it.
 */
export function analysisWindow(range: DateRange): DateRange {
  const weekFrom = startOfIsoWeek(range.from);
  const monthFrom = firstDayOfMonth(monthOf(range.from));
  const weekTo = addDays(startOfIsoWeek(range.to), 6);
  const monthTo = lastDayOfMonth(monthOf(range.to));
  return { from: weekFrom < monthFrom ? weekFrom : monthFrom, to: weekTo > monthTo ? weekTo : monthTo };
}

/** The instants to load posts for (database range query) before calling `calendarWarnings`. */
export function analysisInstantRange(range: DateRange, zone: string): InstantRange {
  const window = analysisWindow(range);
  return instantRangeOfDates(window.from, window.to, zone);
}

function inDates(placed: PlacedPost, from: LocalDate, to: LocalDate): boolean {
  return placed.date >= from && placed.date <= to;
}

function ids(posts: readonly PlacedPost[]): string[] {
  return posts.map((placed) => placed.post.id);
}

function weekWarnings(policy: CadencePolicy, placed: readonly PlacedPost[], range: DateRange): CalendarWarning[] {
  const out: CalendarWarning[] = [];
  for (let weekStart = startOfIsoWeek(range.from); weekStart <= range.to; weekStart = addDays(weekStart, 7)) {
    const weekEnd = addDays(weekStart, 6);
    const week = placed.filter((p) => inDates(p, weekStart, weekEnd));
    for (const { network, min, max } of policy.postsPerWeek) {
      const onNetwork = week.filter((p) => p.post.networks.includes(network));
      const count = onNetwork.length;
      if (min !== undefined && count < min) out.push({ kind: 'cadenceShortfall', weekStart, weekEnd, network, count, min, postIds: ids(onNetwork) });
      if (max !== undefined && count > max) out.push({ kind: 'cadenceExcess', weekStart, weekEnd, network, count, max, postIds: ids(onNetwork) });
    }
  }
  return out;
}

function dayWarnings(policy: CadencePolicy, placed: readonly PlacedPost[], range: DateRange): CalendarWarning[] {
  const max = policy.maxPerDay;
  if (max === undefined) return [];
  return datesBetween(range.from, range.to).flatMap((date): CalendarWarning[] => {
    const day = placed.filter((p) => p.date === date);
    return day.length > max ? [{ kind: 'dailyLimitExceeded', date, count: day.length, max, postIds: ids(day) }] : [];
  });
}

/** [from, to) minutes of the day, wrapping midnight when `to` is earlier; from = to is empty. */
function inQuietHours(time: LocalTime, from: LocalTime, to: LocalTime): boolean {
  const [t, f, e] = [parseLocalTime(time), parseLocalTime(from), parseLocalTime(to)];
  return f <= e ? t >= f && t < e : t >= f || t < e;
}

function placementWarnings(input: CalendarWarningsInput, placed: readonly PlacedPost[]): CalendarWarning[] {
  const { policy, range } = input;
  const blackout = new Set(policy.blackoutDates);
  const quietDays = new Set<number>(policy.quietDays);
  // French holidays for a partner in France only: nobody else keeps them (holidays.ts).
  const frenchHolidays = policy.avoidFrenchHolidays && observesFrenchHolidays(input.zone);
  const out: CalendarWarning[] = [];
  for (const p of placed) {
    if (!inDates(p, range.from, range.to) || settledStatuses.has(p.post.status)) continue;
    const { date, time, weekday } = p;
    const postIds = [p.post.id];
    if (quietDays.has(weekday)) out.push({ kind: 'quietDay', date, time, weekday, postIds });
    const quiet = policy.quietHours;
    if (quiet && inQuietHours(time, quiet.from, quiet.to)) out.push({ kind: 'quietHours', date, time, from: quiet.from, to: quiet.to, postIds });
    const [holiday] = frenchHolidays ? frenchHolidaysOn(date, { alsaceMoselle: input.alsaceMoselle }) : [];
    if (holiday) out.push({ kind: 'frenchHoliday', date, time, holiday: holiday.id, postIds });
    if (blackout.has(date)) out.push({ kind: 'blackoutDate', date, time, postIds });
  }
  return out;
}

function monthsOf(range: DateRange): LocalMonth[] {
  const months: LocalMonth[] = [];
  for (let date = firstDayOfMonth(monthOf(range.from)); date <= range.to; date = addDays(lastDayOfMonth(monthOf(date)), 1)) {
    months.push(monthOf(date));
  }
  return months;
}

function pillarWarnings(input: CalendarWarningsInput, placed: readonly PlacedPost[]): CalendarWarning[] {
  const tolerance = input.pillarTolerancePoints ?? 10;
  const out: CalendarWarning[] = [];
  for (const month of monthsOf(input.range)) {
    const inMonth = placed.filter((p) => monthOf(p.date) === month);
    const total = inMonth.length;
    if (total === 0) continue;
    for (const { pillar, share: targetShare } of input.policy.pillarTargets) {
      const ofPillar = inMonth.filter((p) => p.post.pillar === pillar);
      const actualShare = ofPillar.length / total;
      const deviation = (actualShare - targetShare) * 100;
      // The epsilon keeps exactly 10.0 points (e.g. 2/5 vs 0.3) from being flagged by float noise.
      if (Math.abs(deviation) <= tolerance + 1e-9) continue;
      out.push({
        kind: 'pillarOffTarget',
        month,
        pillar,
        count: ofPillar.length,
        total,
        actualShare,
        targetShare,
        actualPercent: Math.round(actualShare * 100),
        targetPercent: Math.round(targetShare * 100),
        deviationPoints: Math.round(deviation * 10) / 10,
        postIds: ids(ofPillar),
      });
    }
  }
  return out;
}

/** The date a warning is filed under: its day, the Monday of its week, the first of its month. */
export function warningAnchor(warning: CalendarWarning): LocalDate {
  switch (warning.kind) {
    case 'cadenceShortfall':
    case 'cadenceExcess':
      return warning.weekStart;
    case 'pillarOffTarget':
      return firstDayOfMonth(warning.month);
    default:
      return warning.date;
  }
}

function compareWarnings(a: CalendarWarning, b: CalendarWarning): number {
  const byAnchor = warningAnchor(a).localeCompare(warningAnchor(b));
  if (byAnchor !== 0) return byAnchor;
  const byKind = calendarWarningKinds.indexOf(a.kind) - calendarWarningKinds.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return (a.postIds[0] ?? '').localeCompare(b.postIds[0] ?? '');
}

function placedPosts(input: CalendarWarningsInput): PlacedPost[] {
  return input.posts
    .filter((post) => !inactiveStatuses.has(post.status))
    .map((post): PlacedPost => ({ post, ...localParts(post.instant, input.zone) }))
    .sort((a, b) => a.post.instant - b.post.instant);
}

/** Warnings in date order, then kind, then first post (the order `calendarWarnings` returns). */
export function sortWarnings(warnings: CalendarWarning[]): CalendarWarning[] {
  return warnings.sort(compareWarnings);
}

/**
 * The warnings judged on weeks and days (cadence, daily limit, placement): given the posts of
 * the whole ISO weeks of `range`, they depend on nothing else, so they can be kept per week.
 */
export function weeklyWarnings(input: CalendarWarningsInput): CalendarWarning[] {
  const placed = placedPosts(input);
  return sortWarnings([...weekWarnings(input.policy, placed, input.range), ...dayWarnings(input.policy, placed, input.range), ...placementWarnings(input, placed)]);
}

/** The warnings judged on whole months (pillar mix), given the posts of those months. */
export function monthlyWarnings(input: CalendarWarningsInput): CalendarWarning[] {
  return sortWarnings(pillarWarnings(input, placedPosts(input)));
}

/** The months a range touches ('YYYY-MM'), each judged whole by `monthlyWarnings`. */
export const monthsOfRange = (range: DateRange): LocalMonth[] => monthsOf(range);

/**
 * Every warning for `range` (local dates in the partner's zone), ordered by date then kind.
 * Posts that will not go out (withdrawn, rejected, expired, failed) are ignored.
 */
export function calendarWarnings(input: CalendarWarningsInput): CalendarWarning[] {
  const placed = placedPosts(input);
  return [
    ...weekWarnings(input.policy, placed, input.range),
    ...dayWarnings(input.policy, placed, input.range),
    ...placementWarnings(input, placed),
    ...pillarWarnings(input, placed),
  ].sort(compareWarnings);
}
