import { format } from 'date-fns';
import { chooseInstant, resolveLocalTime } from '../../../shared/calendar/zonedTime';
import { wallDate } from '../../../shared/time/wallClock';
import { userZone } from './userZone';

/** An instant as a `datetime-local` value, in the community manager's zone (core's tz data). */
export const toLocalInput = (at: number): string => format(wallDate(at, userZone()), "yyyy-MM-dd'T'HH:mm");

/**
 * A `datetime-local` value back to an instant; null when empty or unreadable. A wall time
 * skipped by a DST change reads as the end of the gap, one that happens twice as its first time.
 */
export function fromLocalInput(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  try {
    return chooseInstant(resolveLocalTime({ date: match[1], time: match[2] }, userZone()));
  } catch {
    return null;
  }
}
