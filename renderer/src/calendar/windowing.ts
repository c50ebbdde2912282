import type { CalendarEntry } from '../../../shared/calendar/entries';

/**
 * The agenda as a list of pieces to window: each day in `size`-post parts (an empty day is one
 * part), so a day of a hundred posts is drawn a screenful at a time, not whole.
 */
export interface AgendaPart {
  key: string;
  date: string;
  /** The day's place in the agenda (its keyboard row). */
  dayIndex: number;
  /** 0 for the part that carries the day's heading. */
  part: number;
  entries: CalendarEntry[];
}

export function agendaParts(days: readonly string[], byDay: ReadonlyMap<string, CalendarEntry[]>, size: number): AgendaPart[] {
  return days.flatMap((date, dayIndex) => {
    const entries = byDay.get(date) ?? [];
    const count = Math.max(1, Math.ceil(entries.length / size));
    return Array.from({ length: count }, (_, part) => ({ key: `${date}|${part}`, date, dayIndex, part, entries: entries.slice(part * size, (part + 1) * size) }));
  });
}

/** The posts a week cell shows: all when opened, else the first `max` and how many wait behind "+N". */
export function cellShown<T>(entries: readonly T[], opened: boolean, max: number): { shown: readonly T[]; hidden: number } {
  if (opened || entries.length <= max) return { shown: entries, hidden: 0 };
  return { shown: entries.slice(0, max), hidden: entries.length - max };
}
