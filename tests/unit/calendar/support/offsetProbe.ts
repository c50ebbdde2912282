/**
 * Reads UTC offsets straight from Intl (the runtime's ICU tz data), independently of the
 * code under test, and finds offset changes by probing hour by hour then minute by minute.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

export function intlOffsetMinutes(zone: string, instant: number): number {
  let formatter = formats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formats.set(zone, formatter);
  }
  const name = formatter.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // "GMT" alone is UTC+0
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export interface OffsetChange {
  /** First instant with the new offset, ISO UTC. */
  at: string;
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

export function offsetChanges(zone: string, fromIso: string, toIso: string): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const end = Date.parse(toIso);
  let previous = intlOffsetMinutes(zone, Date.parse(fromIso));
  for (let hour = Date.parse(fromIso) + HOUR; hour <= end; hour += HOUR) {
    const offset = intlOffsetMinutes(zone, hour);
    if (offset === previous) continue;
    let at = hour - HOUR;
    while (intlOffsetMinutes(zone, at) === previous) at += MINUTE;
    changes.push({ at: new Date(at).toISOString(), from: previous, to: offset });
    previous = offset;
  }
  return changes;
}
