import type { CalendarEntry } from '../../../../shared/calendar/entries';
import type { Partner } from '../../../../shared/partners/schema';
import type { DropTarget } from '../DropCell';

/** What every calendar view receives: the same data and callbacks, laid out differently. */
export interface ViewProps {
  anchor: string;
  today: string;
  viewerZone: string;
  entries: CalendarEntry[];
  partners: Partner[];
  partnerById: Map<string, Partner>;
  highlightId: string | null;
  onOpen: (entry: CalendarEntry) => void;
  onCreate: (target: DropTarget) => void;
}
