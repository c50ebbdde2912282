import { defineHandlers } from '../router';
import type { CalendarService } from './service';

export const calendarHandlers = (calendar: CalendarService) =>
  defineHandlers({
    'calendar.range': ({ from, to, filter }) => calendar.range(from, to, filter),
    'calendar.days': ({ from, to, filter, zone, perDay }) => calendar.days(from, to, filter, zone, perDay),
    'calendar.unscheduled': ({ partnerIds }) => calendar.unscheduled(partnerIds),
    'calendar.unscheduledCount': ({ partnerIds }) => ({ total: calendar.unscheduledCount(partnerIds) }),
    'calendar.schedule': ({ id, scheduledAt, zone }) => calendar.schedule(id, scheduledAt, zone),
    'calendar.search': ({ query, filter, limit }) => calendar.search(query, filter, limit),
    'calendar.searchCount': ({ query, filter }) => ({ total: calendar.searchCount(query, filter) }),
    'calendar.warnings': ({ from, to, partnerIds }) => calendar.warnings(from, to, partnerIds),
    'calendar.slots': ({ partnerIds }) => calendar.slots(partnerIds),
    'calendar.nextSlot': ({ id }) => calendar.nextSlot(id),
  });
