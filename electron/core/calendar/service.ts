import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import type { CalendarDays, CalendarEntry, CalendarFilter, PartnerSlots, SearchHit, SlotProposal } from '../../../shared/calendar/entries';
import { nextFreeSlotForPolicy } from '../../../shared/calendar/placement';
import type { PostStatus } from '../../../shared/posts/schema';
import { ftsQuery, ftsQueryAsTyped } from '../../../shared/calendar/search';
import type { PartnerWarning } from '../../../shared/calendar/warningSchema';
import { addDays, startOfIsoWeek } from '../../../shared/calendar/civil';
import { monthsOfRange, sortWarnings, warningAnchor } from '../../../shared/calendar/warnings';
import type { CalendarWarning } from '../../../shared/calendar/warnings';
import { localParts } from '../../../shared/calendar/zonedTime';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { CadenceSource } from './cadenceSource';
import type { CalendarRepository } from './repository';
import { WarningsCache } from './warningsCache';
import type { WarningsThread } from './warningsThread';
import type { UnitRequest } from './warningUnits';

const DAY = 86_400_000;
/** How far ahead "put in next free slot" looks. */
const SLOT_HORIZON_DAYS = 28;
const defaultPolicy = CadencePolicy.parse({});
/** Posts that will not go out free their slot (the same statuses the warnings ignore). */
const inactive: ReadonlySet<PostStatus> = new Set(['withdrawn', 'rejected', 'expired', 'failed']);

/** Warnings judged on a week, not a day: kept whatever part of the week a range shows. */
const weekLevel: ReadonlySet<CalendarWarning['kind']> = new Set(['cadenceShortfall', 'cadenceExcess']);

export class CalendarService {
  private readonly warningUnits = new WarningsCache();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly calendar: CalendarRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** The editorial lines' cadence; null until wired: every partner then has the default policy. */
    private readonly cadence: CadenceSource | null,
    /** Where warning units are computed, off the request thread. */
    private readonly warningsThread: WarningsThread,
  ) {
    // A post saved, moved, signed off or deleted changes the warnings of where it was and where it is.
    this.unsubscribe = events.subscribe((event) => {
      if ('postId' in event && typeof event.postId === 'string') this.warningUnits.invalidatePost(event.postId, this.landing(event.postId));
      else if (event.type === 'workspace.changed' || event.type === 'workspace.health') this.warningUnits.clear();
    });
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.warningsThread.close();
  }

  /** The partner-week and partner-month a post now counts in, if scheduled. */
  private landing(postId: string): { partnerId: string; week: string; month: string } | null {
    const entry = this.calendar.entry(postId);
    if (!entry || entry.scheduledAt === null) return null;
    const zone = this.calendar.partnerZone(entry.partnerId);
    if (zone === null) return null;
    const { date } = localParts(entry.scheduledAt, zone);
    return { partnerId: entry.partnerId, week: startOfIsoWeek(date), month: date.slice(0, 7) };
  }

  range(from: number, to: number, filter: CalendarFilter): CalendarEntry[] {
    return this.calendar.range(from, to, filter);
  }

  /** A month view's range: each local day of `zone` with its first `perDay` entries and its count. */
  days(from: number, to: number, filter: CalendarFilter, zone: string, perDay: number): CalendarDays {
    return this.calendar.rangePerDay(from, to, filter, (at) => localParts(at, zone).date, perDay);
  }

  unscheduled(partnerIds: string[] | undefined): CalendarEntry[] {
    return this.calendar.unscheduled(partnerIds);
  }

  unscheduledCount(partnerIds: string[] | undefined): number {
    return this.calendar.unscheduledCount(partnerIds);
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

  /** How many posts `search` finds among, in all (its hits are the best few). */
  searchCount(query: string, filter: CalendarFilter): number {
    const match = ftsQuery(query);
    const asTyped = ftsQueryAsTyped(query);
    return match === null || asTyped === null ? 0 : this.calendar.searchCount({ match, asTyped }, filter);
  }

  private policyFor(partnerId: string): CadencePolicy {
    return this.cadence?.cadenceFor(partnerId)?.cadence ?? defaultPolicy;
  }

  /**
   * Every partner's warnings for local dates [from, to], each judged in the partner's own zone
   * against their editorial line's cadence; ordered by date. Computed by partner-week and
   * partner-month on the warnings thread, and kept until a post in them changes.
   */
  async warnings(from: string, to: string, partnerIds: string[] | undefined): Promise<PartnerWarning[]> {
    const weeks: string[] = [];
    for (let week = startOfIsoWeek(from); week <= to; week = addDays(week, 7)) weeks.push(week);
    const months = monthsOfRange({ from, to });
    const partners = this.calendar.partnerZones(partnerIds).map((partner) => {
      const policy = this.policyFor(partner.id);
      return { ...partner, policy, basis: `${partner.timeZone}|${JSON.stringify(policy)}`, generation: this.warningUnits.generation(partner.id) };
    });
    const missing: UnitRequest[] = partners
      .map((p) => ({
        partnerId: p.id,
        zone: p.timeZone,
        policy: p.policy,
        weeks: weeks.filter((week) => !this.warningUnits.get(p.id, 'week', week, p.basis)),
        months: months.filter((month) => !this.warningUnits.get(p.id, 'month', month, p.basis)),
      }))
      .filter((request) => request.weeks.length > 0 || request.months.length > 0);
    const computed = missing.length ? await this.warningsThread.compute(missing) : [];
    const fresh = new Map(computed.map((unit) => [`${unit.partnerId}|${unit.kind}|${unit.start}`, unit.warnings]));
    for (const unit of computed) {
      const partner = partners.find((p) => p.id === unit.partnerId);
      if (partner) this.warningUnits.put(unit, partner.basis, partner.generation);
    }
    const unit = (partnerId: string, basis: string, kind: 'week' | 'month', start: string) =>
      fresh.get(`${partnerId}|${kind}|${start}`) ?? this.warningUnits.get(partnerId, kind, start, basis) ?? [];
    return partners
      .flatMap((partner) => {
        const own = [
          ...weeks.flatMap((week) => unit(partner.id, partner.basis, 'week', week)).filter((w) => weekLevel.has(w.kind) || ('date' in w && w.date >= from && w.date <= to)),
          ...months.flatMap((month) => unit(partner.id, partner.basis, 'month', month)),
        ];
        return sortWarnings(own).map((warning): PartnerWarning => ({ partnerId: partner.id, warning }));
      })
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
