import { zoneOffset } from '../time/zoneData';
import type { IsoWeekday, LocalDate, LocalTime } from '../calendar/civil';

export interface LocalClock {
  date: LocalDate;
  time: LocalTime;
  weekday: IsoWeekday;
}

/** The zone's UTC offset at an instant, in minutes, from Plume's tz tables (one binary search). */
export function offsetMinutes(at: number, zone: string): number {
  return zoneOffset(zone, at);
}

/** What the clock on the partner's wall said at an instant: one offset, then plain UTC arithmetic. */
export function localClock(at: number, zone: string): LocalClock {
  const shifted = new Date(at + offsetMinutes(at, zone) * 60_000);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: (((shifted.getUTCDay() + 6) % 7) + 1) as IsoWeekday };
}
