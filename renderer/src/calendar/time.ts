import { i18next } from '../i18n';
import { localParts } from '../../../shared/calendar/zonedTime';
import { zoneCity as cityIn, zoneTimeName as timeNameIn } from '../../../shared/time/zoneNames';

/** The community manager's own zone: the calendar shows times in it. */
export { userZone } from '../time/userZone';

const uiLocale = () => (i18next.language === 'en' ? 'en' : 'fr');

/** "Montréal": the zone's city in the UI language (shared/time/zoneNames, as in e-mails and reports). */
export const zoneCity = (zone: string): string => cityIn(zone, uiLocale());

/** "heure de Montréal" / "Montreal time". */
export const zoneTimeName = (zone: string): string => timeNameIn(zone, uiLocale());

/** The partner's local time, when it reads differently from the community manager's. */
export function partnerLocalTime(instant: number, partnerZone: string, viewerZone: string): string | null {
  const partner = localParts(instant, partnerZone);
  const viewer = localParts(instant, viewerZone);
  if (partner.time === viewer.time && partner.date === viewer.date) return null;
  return partner.date === viewer.date ? partner.time : `${partner.time} (${partner.date.slice(8, 10)}/${partner.date.slice(5, 7)})`;
}
