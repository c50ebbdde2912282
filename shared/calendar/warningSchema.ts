import { z } from 'zod';
import { Network } from '../posts/networks';
import { IsoWeekday, LocalDate, LocalTime } from './cadencePolicy';
import { frenchHolidayIds } from './holidays';
import type { CalendarWarning } from './warnings';

/** The warnings of `warnings.ts` as they cross the contract (core computes, the UI shows). */

const LocalMonth = z.string().regex(/^\d{4}-\d{2}$/);
const postIds = z.array(z.string());
const week = { weekStart: LocalDate, weekEnd: LocalDate, network: Network, count: z.number().int(), postIds };
const placed = { date: LocalDate, time: LocalTime, postIds };

export const CalendarWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cadenceShortfall'), ...week, min: z.number().int() }),
  z.object({ kind: z.literal('cadenceExcess'), ...week, max: z.number().int() }),
  z.object({ kind: z.literal('dailyLimitExceeded'), date: LocalDate, count: z.number().int(), max: z.number().int(), postIds }),
  z.object({ kind: z.literal('quietDay'), ...placed, weekday: IsoWeekday.transform((day) => day as 1 | 2 | 3 | 4 | 5 | 6 | 7) }),
  z.object({ kind: z.literal('quietHours'), ...placed, from: LocalTime, to: LocalTime }),
  z.object({ kind: z.literal('frenchHoliday'), ...placed, holiday: z.enum(frenchHolidayIds) }),
  z.object({ kind: z.literal('blackoutDate'), ...placed }),
  z.object({
    kind: z.literal('pillarOffTarget'),
    month: LocalMonth,
    pillar: z.string(),
    count: z.number().int(),
    total: z.number().int(),
    actualShare: z.number(),
    targetShare: z.number(),
    actualPercent: z.number(),
    targetPercent: z.number(),
    deviationPoints: z.number(),
    postIds,
  }),
]);

// The schema and the domain's interfaces must describe the same values, both ways.
type Parsed = z.output<typeof CalendarWarningSchema>;
export const warningSchemaMatches: [Parsed extends CalendarWarning ? true : false, CalendarWarning extends Parsed ? true : false] = [true, true];

export const PartnerWarning = z.object({ partnerId: z.uuid(), warning: CalendarWarningSchema });
export type PartnerWarning = z.infer<typeof PartnerWarning>;

/** Local dates, both included, read in each partner's own zone; at most about 13 months. */
export const WarningsInput = z
  .object({
    from: LocalDate,
    to: LocalDate,
    partnerIds: z.array(z.uuid()).max(500).optional(),
  })
  .strict()
  .refine((range) => range.from <= range.to && Date.parse(range.to) - Date.parse(range.from) <= 400 * 86_400_000, {
    message: 'calendar.errors.range',
    path: ['to'],
  });
export type WarningsInput = z.input<typeof WarningsInput>;
