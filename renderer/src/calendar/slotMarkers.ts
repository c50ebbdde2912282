import type { PartnerSlots } from '../../../shared/calendar/entries';
import type { InstantRange } from '../../../shared/calendar/grid';
import { slotsInRange } from '../../../shared/calendar/slots';
import { localParts } from '../../../shared/calendar/zonedTime';
import type { Network } from '../../../shared/posts/networks';

/** One occurrence of a partner's posting slot, placed in the viewer's time grid. */
export interface SlotMarker {
  partnerId: string;
  network: Network;
  instant: number;
  /** The viewer's wall time, and the partner's (their slot's time, moved out of a DST gap if need be). */
  viewerTime: string;
  partnerTime: string;
  partnerZone: string;
}

/** Every slot occurrence of the listed partners in `range`, keyed by the viewer's `${date}|${hour}`. */
export function slotMarkersByHour(partners: readonly PartnerSlots[], range: InstantRange, viewerZone: string): Map<string, SlotMarker[]> {
  const out = new Map<string, SlotMarker[]>();
  for (const partner of partners) {
    if (partner.slots.length === 0) continue;
    for (const slot of slotsInRange({ slots: partner.slots, zone: partner.timeZone, from: range.from, to: range.to })) {
      const viewer = localParts(slot.instant, viewerZone);
      const key = `${viewer.date}|${Number(viewer.time.slice(0, 2))}`;
      const list = out.get(key) ?? [];
      list.push({ partnerId: partner.partnerId, network: slot.network, instant: slot.instant, viewerTime: viewer.time, partnerTime: slot.actualTime, partnerZone: partner.timeZone });
      out.set(key, list);
    }
  }
  return out;
}
