import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import type { CalendarEntry, CalendarFilter, PartnerSlots, SearchHit, SlotProposal } from '../../../shared/calendar/entries';
import { nextFreeSlotForPolicy } from '../../../shared/calendar/placement';
import type { PostStatus } from '../../../shared/posts/schema';
import { ftsQuery, ftsQueryAsTyped } from '../../../shared/calendar/search';
import type { PartnerWarning } from '../../../shared/calendar/warningSchema';
import { analysisInstantRange, calendarWarnings, warningAnchor } from '../../../shared/calendar/warnings';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { CadenceSource } from './cadenceSource';
import type { CalendarRepository } from './repository';

const DAY = 86_400_000;
/** How far ahead "put in next free slot" looks. */
const SLOT_HORIZON_DAYS = 28;
const defaultPolicy = CadencePolicy.parse({});
/** Posts that will not go out free their slot (the same statuses the warnings ignore). */
const inactive: ReadonlySet<PostStatus> = new Set(['withdrawn', 'rejected', 'expired', 'failed']);

export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** The editorial lines' cadence; null until wired: every partner then has the default policy. */
    private readonly cadence: CadenceSource | null,
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

  search(query: string, filter: CalendarFilter, limit?: number): SearchHit[] {
    const match = ftsQuery(query);
    const asTyped = ftsQueryAsTyped(query);
    return match === null || asTyped === null ? [] : this.calendar.search({ match, asTyped }, filter, limit);
  }

  private policyFor(partnerId: string): CadencePolicy {
    return this.cadence?.cadenceFor(partnerId)?.cadence ?? defaultPolicy;
  }

  /**
   * Every partner's warnings for local dates [from, to], each judged in the partner's own zone
   * against their editorial line's cadence; ordered by date.
   */
  warnings(from: string, to: string, partnerIds: string[] | undefined): PartnerWarning[] {
    const partners = this.calendar.partnerZones(partnerIds).map((partner) => ({
      ...partner,
      policy: this.policyFor(partner.id),
      window: analysisInstantRange({ from, to }, partner.timeZone),
    }));
    if (partners.length === 0) return [];
    // One range query for everyone: the union of the partners' windows (zones differ by hours).
    const posts = this.calendar.scheduledPosts(
      Math.min(...partners.map((p) => p.window.from)),
      Math.max(...partners.map((p) => p.window.to)),
      partners.map((p) => p.id),
    );
    return partners
      .flatMap((partner) =>
        calendarWarnings({ policy: partner.policy, zone: partner.timeZone, posts: posts.get(partner.id) ?? [], range: { from, to } }).map(
          (warning): PartnerWarning => ({ partnerId: partner.id, warning }),
        ),
      )
      .sort((a, b) => warningAnchor(a.warning).localeCompare(warningAnchor(b.warning)));
  }

  /** Each partner's posting slots (edited on the calendar, saved in their editorial line). */
  slots(partnerIds: string[] | undefined): PartnerSlots[] {
    return this.calendar.partnerZones(partnerIds).map((partner) => ({ partnerId: partner.id, timeZone: partner.timeZone, slots: this.policyFor(partner.id).slots }));
  }

  /**
   * The first free posting slot for a post from now on, in its partner's zone: on one of the
   * post's networks, not taken by another of the partner's posts, and not a slot the cadence
   * would warn about (quiet day or hours, blackout date, holiday, day already full).
   */
  nextSlot(id: string): SlotProposal {
    const entry = this.calendar.entry(id);
    if (!entry) throw notFound('post', id);
    const zone = this.calendar.partnerZone(entry.partnerId);
    if (zone === null) throw notFound('partner', entry.partnerId);
    const policy = this.policyFor(entry.partnerId);
    // No slot on any of the post's networks (any network when it has none yet) is "no slots", not "all taken".
    if (!policy.slots.some((slot) => entry.networks.length === 0 || entry.networks.includes(slot.network))) return { kind: 'noSlots' };
    const now = this.clock.now();
    // A day either side covers the partner's whole local days whatever their offset.
    const others = (this.calendar.scheduledPosts(now - DAY, now + (SLOT_HORIZON_DAYS + 2) * DAY, [entry.partnerId]).get(entry.partnerId) ?? []).filter(
      (post) => post.id !== entry.id && !inactive.has(post.status),
    );
    const slot = nextFreeSlotForPolicy({ policy, zone, after: now, posts: others, networks: entry.networks, horizonDays: SLOT_HORIZON_DAYS });
    if (!slot) return { kind: 'noneFree', horizonDays: SLOT_HORIZON_DAYS };
    return {
      kind: 'slot',
      instant: slot.instant,
      zone,
      date: slot.date,
      time: slot.time,
      actualTime: slot.actualTime,
      network: slot.network,
      offsetMinutes: slot.offsetMinutes,
      adjustment: slot.adjustment,
    };
  }
}
