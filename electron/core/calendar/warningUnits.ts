import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { addDays, firstDayOfMonth, lastDayOfMonth } from '../../../shared/calendar/civil';
import type { LocalDate, LocalMonth } from '../../../shared/calendar/civil';
import { instantRangeOfDates } from '../../../shared/calendar/grid';
import { monthlyWarnings, weeklyWarnings } from '../../../shared/calendar/warnings';
import type { CalendarWarning } from '../../../shared/calendar/warnings';
import type { CalendarRepository } from './repository';

/**
 * Warnings are computed and kept in units: one partner's ISO week (cadence, daily limit,
 * placement) or one partner's month (pillar mix). A unit depends only on that partner's posts
 * in its own local dates, so a moved post invalidates the units it left and the ones it joined.
 */
export type UnitKind = 'week' | 'month';

export interface UnitRequest {
  partnerId: string;
  zone: string;
  policy: CadencePolicy;
  /** Mondays of the weeks to compute. */
  weeks: LocalDate[];
  months: LocalMonth[];
}

export interface ComputedUnit {
  partnerId: string;
  kind: UnitKind;
  /** The week's Monday or the month ('YYYY-MM'). */
  start: string;
  warnings: CalendarWarning[];
  /** Every post the unit read, active or not: a change to any of them invalidates it. */
  postIds: string[];
}

const unitDates = (kind: UnitKind, start: string): { from: LocalDate; to: LocalDate } =>
  kind === 'week' ? { from: start, to: addDays(start, 6) } : { from: firstDayOfMonth(start), to: lastDayOfMonth(start) };

/** Computes the units asked, reading every partner's posts with one range query. */
export function computeUnits(repository: CalendarRepository, requests: readonly UnitRequest[]): ComputedUnit[] {
  const planned = requests.flatMap((request) =>
    [...request.weeks.map((start) => ({ kind: 'week' as const, start })), ...request.months.map((start) => ({ kind: 'month' as const, start }))].map((unit) => {
      const dates = unitDates(unit.kind, unit.start);
      return { request, ...unit, dates, instants: instantRangeOfDates(dates.from, dates.to, request.zone) };
    }),
  );
  if (planned.length === 0) return [];
  const posts = repository.scheduledPosts(
    Math.min(...planned.map((u) => u.instants.from)),
    Math.max(...planned.map((u) => u.instants.to)),
    [...new Set(requests.map((r) => r.partnerId))],
  );
  return planned.map(({ request, kind, start, dates, instants }) => {
    const mine = (posts.get(request.partnerId) ?? []).filter((post) => post.instant >= instants.from && post.instant < instants.to);
    const input = { policy: request.policy, zone: request.zone, posts: mine, range: dates };
    return {
      partnerId: request.partnerId,
      kind,
      start,
      warnings: kind === 'week' ? weeklyWarnings(input) : monthlyWarnings(input),
      postIds: mine.map((post) => post.id),
    };
  });
}
