import { z } from 'zod';
import { procedure } from '../procedure';
import {
  CalendarDays,
  CalendarDaysInput,
  CalendarEntry,
  CalendarRangeInput,
  PartnerSlots,
  ScheduleInput,
  SearchCount,
  SearchCountInput,
  SearchHit,
  SearchInput,
  SlotProposal,
} from '../../calendar/entries';
import { PartnerWarning, WarningsInput } from '../../calendar/warningSchema';

const partnerIds = z.array(z.uuid()).max(500).optional();

export const calendarProcedures = {
  'calendar.range': procedure(CalendarRangeInput, z.array(CalendarEntry)),
  'calendar.days': procedure(CalendarDaysInput, CalendarDays),
  'calendar.unscheduled': procedure(z.object({ partnerIds }).strict().default({}), z.array(CalendarEntry)),
  /** Posts without a date in all: the tray lists the last edited UNSCHEDULED_SHOWN. */
  'calendar.unscheduledCount': procedure(z.object({ partnerIds }).strict().default({}), SearchCount),
  'calendar.schedule': procedure(ScheduleInput, CalendarEntry),
  'calendar.search': procedure(SearchInput, z.array(SearchHit)),
  /** The number of posts a search matches, asked beside it: its hits are the best few of them. */
  'calendar.searchCount': procedure(SearchCountInput, SearchCount),
  'calendar.warnings': procedure(WarningsInput, z.array(PartnerWarning)),
  'calendar.slots': procedure(z.object({ partnerIds }).strict().default({}), z.array(PartnerSlots)),
  'calendar.nextSlot': procedure(z.object({ id: z.uuid() }).strict(), SlotProposal),
} as const;
