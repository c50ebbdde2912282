import { localParts } from '../../../shared/calendar/zonedTime';

/** The community manager's own zone: the calendar shows times in it. */
export const userZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "Casablanca" from "Africa/Casablanca", "Buenos Aires" from "America/Argentina/Buenos_Aires". */
export const zoneCity = (zone: string): string => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/** The partner's local time, when it reads differently from the community manager's. */
export function partnerLocalTime(instant: number, partnerZone: string, viewerZone: string): string | null {
  const partner = localParts(instant, partnerZone);
  const viewer = localParts(instant, viewerZone);
  if (partner.time === viewer.time && partner.date === viewer.date) return null;
  return partner.date === viewer.date ? partner.time : `${partner.time} (${partner.date.slice(8, 10)}/${partner.date.slice(5, 7)})`;
}
