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

/** A drawn row's place in its scroller (offsetTop and height, in pixels). */
export interface RowBox {
  top: number;
  height: number;
}

/**
 * The rows that show between `viewTop` and `viewBottom` (a scroller's visible band), as the
 * first and last index; null when none does (nothing laid out yet).
 */
export function rowsInView(rows: readonly RowBox[], viewTop: number, viewBottom: number): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  rows.forEach((row, index) => {
    if (row.top + row.height <= viewTop || row.top >= viewBottom) return;
    if (from === -1) from = index;
    to = index;
  });
  return from === -1 ? null : { from, to };
}

/**
 * The last row to draw from `from` so the drawn rows fill `viewport` pixels, from each row's
 * expected height (what its fullest cell will hold): a week's first paint draws the hours it
 * shows, not the hours an emptier week showed in the same place.
 */
export function lastRowToFill(from: number, rowHeights: readonly number[], viewport: number): number {
  let to = from;
  let filled = rowHeights[from] ?? 0;
  while (filled < viewport && to < rowHeights.length - 1) {
    to += 1;
    filled += rowHeights[to] ?? 0;
  }
  return to;
}
