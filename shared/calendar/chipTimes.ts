import type { Locale as DateFnsLocale } from 'date-fns';
import { formatCivilDate } from '../time/civilDate';
import { formatInZone } from '../time/wallClock';
import { formatOffset, localParts, repeatedWallTimeOffset } from './zonedTime';

/**
 * The wall time of `instant` in `zone` as a calendar chip writes it: « 09:00 », or
 * « 02:30 UTC+1 » when the clocks show that time twice (the night they go back), so the
 * two are told apart, as useDateFormat's dateTime does.
 */
export function shownWallTime(instant: number, zone: string): string {
  const { time } = localParts(instant, zone);
  const offset = repeatedWallTimeOffset(instant, zone);
  return offset === null ? time : `${time} ${formatOffset(offset)}`;
}

export interface OtherZoneTime {
  /** « 23:30 », or « 01:30 UTC-5 » when it happens twice in that zone. */
  time: string;
  /** The other zone's day in words (« sam. 31 oct. » / « Sat 31 Oct ») when it is not the viewer's; else null. */
  date: string | null;
}

/** The partner's local time, when it reads differently from the viewer's; null when it reads the same. */
export function otherZoneTime(instant: number, partnerZone: string, viewerZone: string, locale: DateFnsLocale): OtherZoneTime | null {
  const partner = localParts(instant, partnerZone);
  const viewer = localParts(instant, viewerZone);
  if (partner.time === viewer.time && partner.date === viewer.date) return null;
  return {
    time: shownWallTime(instant, partnerZone),
    date: partner.date === viewer.date ? null : formatCivilDate(partner.date, 'EEE d MMM', locale),
  };
}

export interface LandingTime {
  /** « lundi 2 nov. 2026, 14:00 » in the viewer's zone (« …, 02:30 UTC+1 » for a repeated time). */
  when: string;
  /** The partner's time, when it reads differently (see `otherZoneTime`). */
  partner: OtherZoneTime | null;
}

/** Where a moved post lands: the viewer's date and time with its weekday, and the partner's own time. */
export function landingTime(instant: number, viewerZone: string, partnerZone: string, locale: DateFnsLocale): LandingTime {
  const offset = repeatedWallTimeOffset(instant, viewerZone);
  const when = formatInZone(instant, viewerZone, 'PPp', locale);
  return {
    when: `${formatInZone(instant, viewerZone, 'EEEE', locale)} ${when}${offset === null ? '' : ` ${formatOffset(offset)}`}`,
    partner: otherZoneTime(instant, partnerZone, viewerZone, locale),
  };
}
