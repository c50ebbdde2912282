import { localParts } from '../../../shared/calendar/zonedTime';
import type { CalendarEntry } from '../../../shared/calendar/entries';

/** Entries by local date (and hour) in the viewer's zone, each list in time order. */
export function groupByDay(entries: CalendarEntry[], zone: string): Map<string, CalendarEntry[]> {
  const out = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    if (entry.scheduledAt === null) continue;
    const { date } = localParts(entry.scheduledAt, zone);
    const list = out.get(date) ?? [];
    list.push(entry);
    out.set(date, list);
  }
  return out;
}

export function groupByHour(entries: CalendarEntry[], zone: string): Map<string, CalendarEntry[]> {
  const out = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    if (entry.scheduledAt === null) continue;
    const { date, time } = localParts(entry.scheduledAt, zone);
    const key = `${date}|${Number(time.slice(0, 2))}`;
    const list = out.get(key) ?? [];
    list.push(entry);
    out.set(key, list);
  }
  return out;
}
