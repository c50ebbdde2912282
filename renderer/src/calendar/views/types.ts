import type { CalendarEntry } from '../../../../shared/calendar/entries';
import type { Partner } from '../../../../shared/partners/schema';
import type { DropTarget } from '../DropCell';
import type { SlotMarker } from '../slotMarkers';

/** What every calendar view receives: the same data and callbacks, laid out differently. */
export interface ViewProps {
  anchor: string;
  today: string;
  viewerZone: string;
  entries: CalendarEntry[];
  /** Month view: how many posts each local date holds (its entries are only the first few). */
  dayCounts: ReadonlyMap<string, number>;
  partners: Partner[];
  partnerById: Map<string, Partner>;
  highlightId: string | null;
  onOpen: (entry: CalendarEntry) => void;
  onCreate: (target: DropTarget) => void;
  /** "Put in next free slot" on a draft or an unscheduled post. */
  onNextSlot: (entry: CalendarEntry) => void;
  /** Editorial-line warnings per local date and per partner (badges). */
  dayWarnings: ReadonlyMap<string, number>;
  partnerWarnings: ReadonlyMap<string, number>;
  /** Posting slots by `${date}|${hour}` in the viewer's zone (week view). */
  slotMarkers: ReadonlyMap<string, SlotMarker[]>;
  onSlotClick: (marker: SlotMarker) => void;
  /** Agenda: the first local date whose posts are still on their way (its first week comes first). */
  pendingFrom?: string | null;
}
