import { z } from 'zod';
import { keyWithParams } from '../api/issueKeys';
import { Network } from '../posts/networks';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'calendar.errors.localTime' });
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'calendar.errors.localDate' });

/** A recurring posting slot, in the partner's zone: e.g. LinkedIn, Tuesday (2), 08:30. */
export const PostingSlot = z.object({ network: Network, weekday: IsoWeekday, time: LocalTime });
export type PostingSlot = z.infer<typeof PostingSlot>;

/** The same network, day and time twice says nothing more and would double a slot. */
export const PostingSlots = z
  .array(PostingSlot)
  .max(100)
  .superRefine((slots, ctx) => {
    const seen = new Set<string>();
    slots.forEach((slot, index) => {
      const key = `${slot.network}|${slot.weekday}|${slot.time}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'calendar.errors.duplicateSlot', path: [index, 'time'] });
      seen.add(key);
    });
  });

/**
 * The cadence and pillar part of an editorial line, checked on the calendar (not in one post).
 * All times are in the partner's own zone.
 */
export const CadencePolicy = z.object({
  /** Posts per ISO week per network (min and/or max). */
  postsPerWeek: z
    .array(z.object({ network: Network, min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }))
    .default([]),
  /** At most this many posts on one local day, all networks together. */
  maxPerDay: z.number().int().min(1).optional(),
  /** Local weekdays on which nothing should go out. */
  quietDays: z.array(IsoWeekday).default([]),
  /** Local hours during which nothing should go out, e.g. 20:00–08:00 (may wrap midnight). */
  quietHours: z.object({ from: LocalTime, to: LocalTime }).optional(),
  /** Dates on which nothing goes out (holidays of the partner, trials, embargoes). */
  blackoutDates: z.array(LocalDate).default([]),
  /** Warn on French public holidays (Easter-based ones computed). */
  avoidFrenchHolidays: z.boolean().default(true),
  /** Target share of the month's posts per pillar (theme), 0–1; the sum need not be 1. */
  pillarTargets: z.array(z.object({ pillar: z.string().min(1).max(60), share: z.number().min(0).max(1) })).default([]),
  /** Preferred posting times per network, in the partner's zone ("put in next free slot"). */
  slots: PostingSlots.default([]),
});
export type CadencePolicy = z.infer<typeof CadencePolicy>;
export type CadencePolicyInput = z.input<typeof CadencePolicy>;

/**
 * Weekly rows whose minimum is above their maximum (« au moins 5, au plus 2 »): no week can
 * satisfy them, and the calendar would warn every week. Checked when a line is saved, not when
 * a stored one is read back, so that a line saved before this check still opens. Paths start
 * at the cadence (`postsPerWeek › i › min`).
 */
export function cadenceSaveProblems(cadence: Pick<CadencePolicy, 'postsPerWeek'>): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  cadence.postsPerWeek.forEach(({ min, max }, index) => {
    if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max) || min <= max) return;
    issues.push({ code: 'custom', input: min, path: ['postsPerWeek', index, 'min'], message: keyWithParams('editorialLine.errors.minAboveMax', { max }) });
  });
  return issues;
}
