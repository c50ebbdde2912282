import { z } from 'zod';
import { procedure } from '../procedure';
import { CalendarEntry, CalendarRangeInput, ScheduleInput, SearchHit } from '../../calendar/entries';

export const calendarProcedures = {
  'calendar.range': procedure(CalendarRangeInput, z.array(CalendarEntry)),
  'calendar.unscheduled': procedure(z.object({ partnerIds: z.array(z.uuid()).max(500).optional() }).strict().default({}), z.array(CalendarEntry)),
  'calendar.schedule': procedure(ScheduleInput, CalendarEntry),
  'calendar.search': procedure(z.object({ query: z.string().trim().min(1).max(200) }).strict(), z.array(SearchHit)),
} as const;
