import type { CalendarEntry, CalendarFilter, SearchHit } from '../../../shared/calendar/entries';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { CalendarRepository } from './repository';

export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  range(from: number, to: number, filter: CalendarFilter): CalendarEntry[] {
    return this.calendar.range(from, to, filter);
  }

  unscheduled(partnerIds: string[] | undefined): CalendarEntry[] {
    return this.calendar.unscheduled(partnerIds);
  }

  schedule(id: string, scheduledAt: number | null, zone: string | null): CalendarEntry {
    if (!this.calendar.setSchedule(id, scheduledAt, zone, this.clock.now())) throw notFound('post', id);
    const entry = this.calendar.entry(id);
    if (!entry) throw notFound('post', id);
    this.events.emit({ type: 'post.scheduled', postId: id, scheduledAt });
    return entry;
  }

  search(query: string): SearchHit[] {
    return this.calendar.search(query);
  }
}
