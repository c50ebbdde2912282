import { tzOffset } from '@date-fns/tz';
import type { IsoWeekday, LocalDate, LocalTime } from '../calendar/civil';

export interface LocalClock {
  date: LocalDate;
  time: LocalTime;
  weekday: IsoWeekday;
}

/**
 * What the clock on the partner's wall said at an instant. One offset lookup (@date-fns/tz's
 * tzOffset), then plain UTC arithmetic: a report reads thousands of instants, and a TZDate
 * with date-fns' format costs several lookups each.
 */
export function localClock(at: number, zone: string): LocalClock {
  const shifted = new Date(at + tzOffset(zone, new Date(at)) * 60_000);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: (((shifted.getUTCDay() + 6) % 7) + 1) as IsoWeekday };
}
