/**
 * The dates of LinkedIn's export, read for the whole file at once. LinkedIn writes M/D/YYYY
 * (« 11/5/2026 » is 5 November); a French spreadsheet that re-saves the file writes D/M/YYYY
 * (« 05/11/2026 » is 5 November too). One row, alone, cannot tell which: a row that reads only
 * one way (a day over 12) decides for the file; a file that never decides is read only where
 * both readings agree, and its other rows are asked about, never guessed.
 */

/** A date cell as written, before the file's order is known. */
export type WrittenDate =
  /** A real date (a spreadsheet's date cell) or ISO text: one day. */
  | { kind: 'day'; text: string; on: string }
  /** Two numbers and a year, in an order the file decides. */
  | { kind: 'slashed'; text: string; first: number; second: number; year: number }
  /** Text that names no day: « 2026-02-30 », « 13/13/2026 », « soon ». */
  | { kind: 'unreadable'; text: string }
  | { kind: 'none' };

/** monthFirst: M/D/YYYY (LinkedIn's own); dayFirst: D/M/YYYY (re-saved by a French spreadsheet). */
export const dateOrders = ['monthFirst', 'dayFirst'] as const;
export type DateOrder = (typeof dateOrders)[number];

const pad = (value: number) => String(value).padStart(2, '0');

/** 'YYYY-MM-DD' when year, month and day name a real day (no 31 April, no 29 February 2026). */
function dayOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > lastDay ? null : `${String(year)}-${pad(month)}-${pad(day)}`;
}

export function writtenDate(cell: unknown): WrittenDate {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? { kind: 'unreadable', text: '' } : { kind: 'day', text: cell.toISOString().slice(0, 10), on: cell.toISOString().slice(0, 10) };
  }
  const text = typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
  if (text === '') return { kind: 'none' };
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/u.exec(text);
  if (slashed?.[1] !== undefined && slashed[2] !== undefined && slashed[3] !== undefined) {
    return { kind: 'slashed', text, first: Number(slashed[1]), second: Number(slashed[2]), year: Number(slashed[3]) };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/u.exec(text);
  const on = iso?.[1] !== undefined && iso[2] !== undefined && iso[3] !== undefined ? dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  return on === null ? { kind: 'unreadable', text } : { kind: 'day', text, on };
}

/** The day a slashed date names when read in `order`, or null when that reading names no day. */
function readAs(date: Extract<WrittenDate, { kind: 'slashed' }>, order: DateOrder): string | null {
  return order === 'monthFirst' ? dayOf(date.year, date.first, date.second) : dayOf(date.year, date.second, date.first);
}

/**
 * The file's order: that of its rows that read one way only. Null when no row decides, or when
 * rows decide both ways (a file mixing orders: each of its dates is read where it can be).
 */
export function fileDateOrder(dates: readonly WrittenDate[]): DateOrder | null {
  const decided = new Set<DateOrder>();
  for (const date of dates) {
    if (date.kind !== 'slashed') continue;
    const readable = dateOrders.filter((order) => readAs(date, order) !== null);
    if (readable.length === 1 && readable[0] !== undefined) decided.add(readable[0]);
  }
  const [only, other] = [...decided];
  return only !== undefined && other === undefined ? only : null;
}

/**
 * The days a written date may be, given the file's order (null: not decided): none (no date,
 * or an impossible one), one, or two to ask about.
 */
export function possibleDays(date: WrittenDate, order: DateOrder | null): string[] {
  switch (date.kind) {
    case 'day':
      return [date.on];
    case 'slashed': {
      const days = (order === null ? dateOrders : [order]).map((one) => readAs(date, one)).filter((day): day is string => day !== null);
      return [...new Set(days)];
    }
    default:
      return [];
  }
}
