import { tzOffset } from '@date-fns/tz';
import type { IsoWeekday, LocalDate, LocalTime } from '../calendar/civil';

export interface LocalClock {
  date: LocalDate;
  time: LocalTime;
  weekday: IsoWeekday;
}

const HOUR = 3_600_000;
const MAX_CACHED = 50_000;

// Offsets (minutes) by zone and UTC hour, for hours with no change of offset inside.
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at an instant, in minutes. A report reads thousands of instants and
 * `tzOffset` asks Intl each time (the benchmark's top cost), so it is asked once per zone and
 * UTC hour: when the offset is the same at the hour's first and last millisecond, it holds for
 * the whole hour (no zone changes twice within an hour); otherwise that hour — the one of a
 * DST change — is worked out instant by instant.
 */
export function offsetMinutes(at: number, zone: string): number {
  let byHour = offsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone, byHour);
  }
  const hour = Math.floor(at / HOUR);
  const known = byHour.get(hour);
  if (known !== undefined) return known;
  const first = tzOffset(zone, new Date(hour * HOUR));
  const last = tzOffset(zone, new Date(hour * HOUR + HOUR - 1));
  if (first !== last) return tzOffset(zone, new Date(at));
  if (byHour.size >= MAX_CACHED) byHour.clear();
  byHour.set(hour, first);
  return first;
}

/** What the clock on the partner's wall said at an instant: one offset, then plain UTC arithmetic. */
export function localClock(at: number, zone: string): LocalClock {
  const shifted = new Date(at + offsetMinutes(at, zone) * 60_000);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: (((shifted.getUTCDay() + 6) % 7) + 1) as IsoWeekday };
}
