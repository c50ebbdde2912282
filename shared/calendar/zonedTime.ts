import { zoneOffset } from '../time/zoneData';
import { addDays, parseLocalDate, parseLocalTime } from './civil';
import type { IsoWeekday, LocalDate, LocalDateTime, LocalTime } from './civil';

/**
 * Wall time in an IANA zone ↔ UTC instant (epoch ms), with DST made explicit.
 *
 * `TZDate` silently resolves a wall time that does not exist (it moves it forward) or that
 * happens twice (it takes the later one). A post must never move without the user knowing,
 * so `resolveLocalTime` asks Plume's tz data (shared/time/zoneData: core's tables, never the
 * browser's ICU) which offsets are possible and returns every honest answer instead of picking one.
 * Precision is the minute: calendar times are 'HH:mm'.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface ZonedInstant {
  instant: number;
  /** UTC offset in force at `instant`, in minutes east of Greenwich (Paris summer: 120). */
  offsetMinutes: number;
}

export interface ExactTime extends ZonedInstant {
  kind: 'exact';
  requested: LocalDateTime;
}

/**
 * The wall time does not exist: the clocks jump over it (Paris, 2026-03-29, 02:00 → 03:00).
 * Two honest options for 02:30:
 * - `instantAfter`: the end of the gap, the first instant that exists after it (03:00);
 * - `instantBefore`: the requested wall time read with the offset in force *before* the
 *   gap, i.e. as far past the gap as it was into it (02:30 UTC+1 = 03:30 UTC+2). This is
 *   what `TZDate`, `Date` and RFC 5545 do silently; `shiftedDate`/`shiftedTime` are its wall time.
 * Nothing earlier is offered: reading 02:30 with the new offset (01:30) moves the post back
 * an hour, which nobody asked for.
 */
export interface GapTime {
  kind: 'gap';
  requested: LocalDateTime;
  instantBefore: number;
  shiftedDate: LocalDate;
  shiftedTime: LocalTime;
  instantAfter: number;
  /** Wall times where the clocks jump: from `gapStart` straight to `gapEnd` (02:00 → 03:00). */
  gapStart: LocalTime;
  gapEnd: LocalTime;
  gapMinutes: number;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

/** The wall time happens twice (Paris, 2026-10-25, 02:30 at UTC+2 then at UTC+1). */
export interface AmbiguousTime {
  kind: 'ambiguous';
  requested: LocalDateTime;
  earlier: ZonedInstant;
  later: ZonedInstant;
}

export type LocalTimeResolution = ExactTime | GapTime | AmbiguousTime;

export interface LocalParts {
  date: LocalDate;
  time: LocalTime;
  weekday: IsoWeekday;
  offsetMinutes: number;
}

/** UTC offset of `zone` at `instant`, in minutes; throws on an unknown zone. */
export function offsetAt(zone: string, instant: number): number {
  return zoneOffset(zone, instant);
}

/** The wall time as if it were UTC: the one number both sides of an offset are measured from. */
function wallClockMs({ date, time }: LocalDateTime): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) + parseLocalTime(time) * MINUTE;
}

export function localParts(instant: number, zone: string): LocalParts {
  const offsetMinutes = offsetAt(zone, instant);
  const wall = new Date(instant + offsetMinutes * MINUTE).toISOString();
  return {
    date: wall.slice(0, 10),
    time: wall.slice(11, 16),
    weekday: (((new Date(instant + offsetMinutes * MINUTE).getUTCDay() + 6) % 7) + 1) as IsoWeekday,
    offsetMinutes,
  };
}

export function todayIn(zone: string, now: number): LocalDate {
  return localParts(now, zone).date;
}

/** 'UTC+1', 'UTC-5', 'UTC+5:30', 'UTC+0'; `iso` gives '+01:00'. */
export function formatOffset(offsetMinutes: number, style: 'utc' | 'iso' = 'utc'): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  if (style === 'iso') return `${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return `UTC${sign}${hours}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

/** The first instant in (`low`, `high`] whose offset is `offset` (offsets change once in between). */
function transitionBetween(zone: string, low: number, high: number, offset: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(zone, mid) === offset) hi = mid;
    else lo = mid;
  }
  return hi;
}

function wallTimeOf(wallMs: number): LocalTime {
  return new Date(wallMs).toISOString().slice(11, 16);
}

export function resolveLocalTime(requested: LocalDateTime, zone: string): LocalTimeResolution {
  const wall = wallClockMs(requested);
  // Offsets a day either side bracket any transition near this wall time (offsets stay within ±14 h).
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const candidates = [...new Set([before, offsetAt(zone, wall), after])]
    .map((offset) => ({ instant: wall - offset * MINUTE, offsetMinutes: offset }))
    .filter((candidate) => offsetAt(zone, candidate.instant) === candidate.offsetMinutes)
    .sort((a, b) => a.instant - b.instant);

  const [first] = candidates;
  const last = candidates.at(-1);
  if (first && last && first.instant !== last.instant) return { kind: 'ambiguous', requested, earlier: first, later: last };
  if (first) return { kind: 'exact', requested, instant: first.instant, offsetMinutes: first.offsetMinutes };

  // A gap: the clocks moved forward from `before` to `after` somewhere in between.
  if (after <= before) throw new RangeError(`Two offset changes within a day around ${requested.date} ${requested.time} in ${zone}`);
  const instantBefore = wall - before * MINUTE;
  const instantAfter = transitionBetween(zone, wall - after * MINUTE, instantBefore, after);
  const shifted = localParts(instantBefore, zone);
  return {
    kind: 'gap',
    requested,
    instantBefore,
    shiftedDate: shifted.date,
    shiftedTime: shifted.time,
    instantAfter,
    gapStart: wallTimeOf(instantAfter + before * MINUTE),
    gapEnd: wallTimeOf(instantAfter + after * MINUTE),
    gapMinutes: after - before,
    offsetBeforeMinutes: before,
    offsetAfterMinutes: after,
  };
}

/**
 * The UTC offset of `instant` in `zone` when its wall time happens twice there (the hour the
 * clocks go back: 02:30 on 31 October 2027 in Paris is UTC+2, then UTC+1), else null: shown
 * beside such a time, it says which of the two is meant.
 */
export function repeatedWallTimeOffset(instant: number, zone: string): number | null {
  // No change of offset within a day either side: no wall time near this one happens twice.
  if (offsetAt(zone, instant - DAY) === offsetAt(zone, instant + DAY)) return null;
  const { date, time, offsetMinutes } = localParts(instant, zone);
  return resolveLocalTime({ date, time }, zone).kind === 'ambiguous' ? offsetMinutes : null;
}

export interface InstantChoice {
  /** In a gap: the end of the gap ('after', default) or the shifted wall time ('shifted'). */
  gap?: 'after' | 'shifted';
  /** When the wall time happens twice: the first occurrence (default) or the second. */
  ambiguous?: 'earlier' | 'later';
}

/** One instant from a resolution, by an explicit choice (the caller still knows it chose). */
export function chooseInstant(resolution: LocalTimeResolution, choice: InstantChoice = {}): number {
  switch (resolution.kind) {
    case 'exact':
      return resolution.instant;
    case 'gap':
      return choice.gap === 'shifted' ? resolution.instantBefore : resolution.instantAfter;
    case 'ambiguous':
      return choice.ambiguous === 'later' ? resolution.later.instant : resolution.earlier.instant;
  }
}

/** The first instant of a local day: usually 00:00, the end of the gap where midnight is skipped. */
export function startOfLocalDay(date: LocalDate, zone: string): number {
  return chooseInstant(resolveLocalTime({ date, time: '00:00' }, zone));
}

/** [start, end) of a local day and its length: 23 or 25 hours on DST days. */
export function localDayBounds(date: LocalDate, zone: string): { start: number; end: number; hours: number } {
  const start = startOfLocalDay(date, zone);
  const end = startOfLocalDay(addDays(date, 1), zone);
  return { start, end, hours: (end - start) / 3_600_000 };
}

/** Same wall time `days` later (or earlier) in `zone`; a DST edge on the way comes back as a gap or an ambiguity. */
export function addLocalDays(instant: number, zone: string, days: number): LocalTimeResolution {
  const { date, time } = localParts(instant, zone);
  return resolveLocalTime({ date: addDays(date, days), time }, zone);
}

/** Drag and drop onto another day: keep the wall time the post has in its own zone. */
export function moveToDay(instant: number, zone: string, newDate: LocalDate): LocalTimeResolution {
  return resolveLocalTime({ date: newDate, time: localParts(instant, zone).time }, zone);
}
