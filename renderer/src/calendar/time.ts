import { dateLocales, i18next } from '../i18n';
import { landingTime, otherZoneTime, shownWallTime } from '../../../shared/calendar/chipTimes';
import type { OtherZoneTime } from '../../../shared/calendar/chipTimes';
import { ownZoneTimeName, zoneCity as cityIn, zoneTimeName as timeNameIn } from '../../../shared/time/zoneNames';
import { userZone as ownZone } from '../time/userZone';

/** The community manager's own zone: the calendar shows times in it. */
export { userZone } from '../time/userZone';

const uiLocale = () => (i18next.language === 'en' ? 'en' : 'fr');

/** "Montréal": the zone's city in the UI language (shared/time/zoneNames, as in e-mails and reports). */
export const zoneCity = (zone: string): string => cityIn(zone, uiLocale());

/**
 * "heure de Montréal" / "Montreal time". The user's own zone is named by its region where the
 * browser may have resolved their city to another (Montréal → America/Toronto: « heure de l’Est »).
 */
export const zoneTimeName = (zone: string): string => (zone === ownZone() ? ownZoneTimeName(zone, uiLocale()) : timeNameIn(zone, uiLocale()));

/** « 09:00 », or « 02:30 UTC+1 » for a time the clocks show twice that night (shared/calendar/chipTimes). */
export const chipTime = (instant: number, zone: string): string => shownWallTime(instant, zone);

/**
 * The partner's local time, when it reads differently from the community manager's: its day
 * in words when it is another day (« sam. 31 oct. », never an ambiguous « 31/10 »).
 */
export function partnerLocalTime(instant: number, partnerZone: string, viewerZone: string): OtherZoneTime | null {
  return otherZoneTime(instant, partnerZone, viewerZone, dateLocales[uiLocale()]);
}

/**
 * Where a moved post lands, for the notices: « lundi 2 nov. 2026, 14:00 » and, when the
 * partner's zone reads differently, « (08:00 heure de Montréal) » (another day: « (23:30 le
 * lun. 2 nov., heure de Montréal) »), so a changed offset does not look like a changed time.
 */
export function landedAt(instant: number, viewerZone: string, partnerZone: string): { when: string; theirs: string } {
  const { when, partner } = landingTime(instant, viewerZone, partnerZone, dateLocales[uiLocale()]);
  if (partner === null) return { when, theirs: '' };
  const zone = zoneTimeName(partnerZone);
  return {
    when,
    theirs:
      partner.date === null
        ? i18next.t('calendarUi.placedPartnerTime', { time: partner.time, zone })
        : i18next.t('calendarUi.placedPartnerDateTime', { time: partner.time, date: partner.date, zone }),
  };
}
