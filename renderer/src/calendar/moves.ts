import { daysBetween } from '../../../shared/calendar/civil';
import { addLocalDays, localParts, resolveLocalTime } from '../../../shared/calendar/zonedTime';
import type { LocalTimeResolution } from '../../../shared/calendar/zonedTime';
import type { CalendarEntry } from '../../../shared/calendar/entries';
import type { DropTarget } from './DropCell';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Where a dropped post lands, as an explicit resolution (exact, gap or repeat):
 * - on an hour cell: that hour (minutes kept) in the viewer's zone;
 * - on a day: moved by whole days, keeping its wall time in its own zone (the partner's), so
 *   "Tuesday 08:30 in Montréal" stays 08:30 in Montréal whatever the viewer's clock says;
 * - an unscheduled post dropped on a day: 09:00 in its partner's zone.
 */
export function landing(entry: CalendarEntry, target: DropTarget, viewerZone: string, partnerZone: string): LocalTimeResolution {
  const zone = entry.scheduledZone ?? partnerZone;
  if (target.hour !== undefined) {
    const minutes = entry.scheduledAt === null ? '00' : localParts(entry.scheduledAt, viewerZone).time.slice(3, 5);
    return resolveLocalTime({ date: target.date, time: `${pad(target.hour)}:${minutes}` }, viewerZone);
  }
  if (entry.scheduledAt === null) return resolveLocalTime({ date: target.date, time: '09:00' }, zone);
  const viewerDate = localParts(entry.scheduledAt, viewerZone).date;
  return addLocalDays(entry.scheduledAt, zone, daysBetween(viewerDate, target.date));
}
