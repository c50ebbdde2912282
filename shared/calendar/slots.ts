import type { Network } from '../posts/networks';
import type { PostingSlot } from './cadencePolicy';
import { addDays, isoWeekday } from './civil';
import type { IsoWeekday as IsoWeekdayValue, LocalDate, LocalTime as LocalTimeValue } from './civil';
import { localParts, resolveLocalTime, startOfLocalDay } from './zonedTime';

export { PostingSlot } from './cadencePolicy';

/**
 * How a slot's wall time became an instant on a DST day:
 * - 'exact': as written;
 * - 'movedOutOfGap': the time does not exist that day (clocks jump over it); the slot moves to
 *   the end of the gap (`actualTime`, e.g. 02:30 → 03:00);
 * - 'earlierOfTwo': the time happens twice that day; the first occurrence is used.
 */
export type SlotAdjustment = 'exact' | 'movedOutOfGap' | 'earlierOfTwo';

export interface SlotOccurrence {
  network: Network;
  weekday: IsoWeekdayValue;
  date: LocalDate;
  /** The slot's own time. */
  time: LocalTimeValue;
  instant: number;
  /** Wall time at `instant` (differs from `time` only when moved out of a gap). */
  actualTime: LocalTimeValue;
  offsetMinutes: number;
  adjustment: SlotAdjustment;
}

function occurrence(slot: PostingSlot, date: LocalDate, zone: string): SlotOccurrence {
  const resolution = resolveLocalTime({ date, time: slot.time }, zone);
  const base = { network: slot.network, weekday: slot.weekday as IsoWeekdayValue, date, time: slot.time };
  switch (resolution.kind) {
    case 'exact':
      return { ...base, instant: resolution.instant, actualTime: slot.time, offsetMinutes: resolution.offsetMinutes, adjustment: 'exact' };
    case 'ambiguous':
      return { ...base, instant: resolution.earlier.instant, actualTime: slot.time, offsetMinutes: resolution.earlier.offsetMinutes, adjustment: 'earlierOfTwo' };
    case 'gap':
      return {
        ...base,
        instant: resolution.instantAfter,
        actualTime: resolution.gapEnd,
        offsetMinutes: resolution.offsetAfterMinutes,
        adjustment: 'movedOutOfGap',
      };
  }
}

function occurrencesOn(date: LocalDate, slots: readonly PostingSlot[], zone: string): SlotOccurrence[] {
  const weekday = isoWeekday(date);
  // An exact slot wins over one moved onto the same instant out of a gap.
  return slots
    .filter((slot) => slot.weekday === weekday)
    .map((slot) => occurrence(slot, date, zone))
    .sort((a, b) => a.instant - b.instant || Number(a.adjustment !== 'exact') - Number(b.adjustment !== 'exact'));
}

export interface SlotsInRangeInput {
  slots: readonly PostingSlot[];
  zone: string;
  /** Inclusive instant. */
  from: number;
  /** Exclusive instant. */
  to: number;
}

/**
 * Every slot occurrence with an instant in [from, to), by instant (then slot order). A network
 * gets one occurrence per instant: a slot moved out of a gap may land on another slot's time.
 */
export function slotsInRange({ slots, zone, from, to }: SlotsInRangeInput): SlotOccurrence[] {
  const out: SlotOccurrence[] = [];
  const seen = new Set<string>();
  // A local date's slots can sit up to ~14 h either side of its UTC day: start a day early, stop a day late.
  const firstDate = addDays(localParts(from, zone).date, -1);
  const lastDate = addDays(localParts(to, zone).date, 1);
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const slot of occurrencesOn(date, slots, zone)) {
      const key = `${slot.network}@${slot.instant}`;
      if (slot.instant < from || slot.instant >= to || seen.has(key)) continue;
      seen.add(key);
      out.push(slot);
    }
  }
  return out.sort((a, b) => a.instant - b.instant);
}

/** A scheduled post: a bare instant takes every network's slot at that time; with a network, only that one. */
export type OccupiedSlot = number | { network: Network; instant: number };

export interface NextFreeSlotInput {
  /** Exclusive: a slot exactly at `after` is not offered. */
  after: number;
  slots: readonly PostingSlot[];
  zone: string;
  occupied?: readonly OccupiedSlot[];
  /** Search `after`'s local date and this many local days after it (default 28). */
  horizonDays?: number;
  /** Only this network's slots. */
  network?: Network;
  /** A post within this many minutes of a slot takes it (default 1: the same minute). */
  windowMinutes?: number;
  /** Slots to pass over although free (quiet hours, holidays…: see `placement.ts`). */
  exclude?: (slot: SlotOccurrence) => boolean;
}

function isTaken(slot: SlotOccurrence, occupied: readonly OccupiedSlot[], windowMs: number): boolean {
  return occupied.some((taken) => {
    const instant = typeof taken === 'number' ? taken : taken.instant;
    const network = typeof taken === 'number' ? slot.network : taken.network;
    return network === slot.network && Math.abs(instant - slot.instant) < windowMs;
  });
}

/** The first slot after `after` that no post occupies, or null within the horizon. */
export function nextFreeSlot(input: NextFreeSlotInput): SlotOccurrence | null {
  const { after, zone, occupied = [], horizonDays = 28, network, windowMinutes = 1, exclude } = input;
  const slots = network === undefined ? input.slots : input.slots.filter((slot) => slot.network === network);
  if (slots.length === 0) return null;
  const to = startOfLocalDay(addDays(localParts(after, zone).date, horizonDays + 1), zone);
  const free = slotsInRange({ slots, zone, from: after + 1, to }).find(
    (slot) => !isTaken(slot, occupied, windowMinutes * 60_000) && exclude?.(slot) !== true,
  );
  return free ?? null;
}
