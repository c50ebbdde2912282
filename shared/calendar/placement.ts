import type { Network } from '../posts/networks';
import type { CadencePolicy } from './cadencePolicy';
import { parseLocalTime } from './civil';
import { frenchHolidaysOn, observesFrenchHolidays } from './holidays';
import { nextFreeSlot } from './slots';
import type { OccupiedSlot, SlotOccurrence } from './slots';
import { localParts } from './zonedTime';

/**
 * "Put in next free slot": the first posting slot of the partner's policy that no post of theirs
 * takes and that the policy itself would not warn about — not on a quiet day, in quiet hours,
 * on a blackout date or a French public holiday (when the policy avoids them), nor on a day
 * already at `maxPerDay`. Everything is judged in the partner's zone, like the warnings.
 */

export interface ScheduledPost {
  instant: number;
  networks: readonly Network[];
}

export interface NextSlotForPolicyInput {
  policy: CadencePolicy;
  zone: string;
  /** Exclusive. */
  after: number;
  /** The partner's other scheduled posts (not the one being placed). */
  posts: readonly ScheduledPost[];
  /** The post's networks: only their slots are offered; empty = any network. */
  networks: readonly Network[];
  horizonDays?: number;
  alsaceMoselle?: boolean;
}

export type SlotBlocker = 'quietDay' | 'quietHours' | 'blackoutDate' | 'frenchHoliday' | 'dailyLimit';

/** Minutes of the day in [from, to), wrapping midnight when `to` is earlier (same rule as the warnings). */
function inQuietHours(time: string, from: string, to: string): boolean {
  const [t, f, e] = [parseLocalTime(time), parseLocalTime(from), parseLocalTime(to)];
  return f <= e ? t >= f && t < e : t >= f || t < e;
}

/** Why the policy rules a slot out, or null when it may be used. `postsPerDay` counts the partner's posts by local date. */
export function slotBlocker(
  slot: SlotOccurrence,
  policy: CadencePolicy,
  postsPerDay: ReadonlyMap<string, number>,
  /** `zone`: the partner's; French holidays rule a slot out only in France (holidays.ts). */
  options: { alsaceMoselle?: boolean; zone?: string } = {},
): SlotBlocker | null {
  if (policy.quietDays.includes(slot.weekday)) return 'quietDay';
  if (policy.quietHours && inQuietHours(slot.actualTime, policy.quietHours.from, policy.quietHours.to)) return 'quietHours';
  if (policy.blackoutDates.includes(slot.date)) return 'blackoutDate';
  if (policy.avoidFrenchHolidays && (options.zone === undefined || observesFrenchHolidays(options.zone)) && frenchHolidaysOn(slot.date, { alsaceMoselle: options.alsaceMoselle }).length > 0) return 'frenchHoliday';
  if (policy.maxPerDay !== undefined && (postsPerDay.get(slot.date) ?? 0) >= policy.maxPerDay) return 'dailyLimit';
  return null;
}

export function nextFreeSlotForPolicy(input: NextSlotForPolicyInput): SlotOccurrence | null {
  const { policy, zone, posts } = input;
  const wanted = new Set(input.networks);
  const slots = wanted.size === 0 ? policy.slots : policy.slots.filter((slot) => wanted.has(slot.network));
  const postsPerDay = new Map<string, number>();
  for (const post of posts) {
    const date = localParts(post.instant, zone).date;
    postsPerDay.set(date, (postsPerDay.get(date) ?? 0) + 1);
  }
  // A post on several networks takes each of their slots at its instant.
  const occupied: OccupiedSlot[] = posts.flatMap((post) => post.networks.map((network) => ({ network, instant: post.instant })));
  return nextFreeSlot({
    after: input.after,
    slots,
    zone,
    occupied,
    ...(input.horizonDays === undefined ? {} : { horizonDays: input.horizonDays }),
    exclude: (slot) => slotBlocker(slot, policy, postsPerDay, { alsaceMoselle: input.alsaceMoselle, zone }) !== null,
  });
}
