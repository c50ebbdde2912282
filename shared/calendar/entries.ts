import { z } from 'zod';
import { Network } from '../posts/networks';
import { PostStatus } from '../posts/schema';
import { isValidTimeZone } from '../partners/timeZones';
import { LocalDate, LocalTime, PostingSlots } from './cadencePolicy';
import { SnippetPart } from './search';

/** One post as the calendar paints it, no body: light enough for thousands in a month view. */
export const CalendarEntry = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  title: z.string(),
  networks: z.array(Network),
  status: PostStatus,
  scheduledAt: z.number().int().nullable(),
  scheduledZone: z.string().nullable(),
  version: z.number().int(),
  /** The networks with their own version of the text (shared/posts/versions.ts). */
  versionNetworks: z.array(Network),
  /** Parts per network that goes out as a thread (shared/threads/content.ts). */
  threadParts: z.partialRecord(Network, z.number().int()),
  /** The networks with a first comment. */
  commentNetworks: z.array(Network),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;

export const CalendarFilter = z
  .object({
    partnerIds: z.array(z.uuid()).max(500).optional(),
    networks: z.array(Network).optional(),
    statuses: z.array(PostStatus).optional(),
  })
  .strict();
export type CalendarFilter = z.infer<typeof CalendarFilter>;

export const CalendarRangeInput = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    filter: CalendarFilter.default({}),
  })
  .strict()
  .refine((range) => range.to > range.from && range.to - range.from <= 400 * 86_400_000, { message: 'calendar.errors.range' });

/**
 * A month view's range: per local day of `zone` (the viewer's), the first `perDay` entries in
 * time order and how many the day holds — a month of an agency is ~4,000 posts, 168 are drawn.
 */
export const CalendarDaysInput = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    filter: CalendarFilter.default({}),
    zone: z.string().refine(isValidTimeZone, { message: 'errors.timeZone' }),
    perDay: z.number().int().min(1).max(50),
  })
  .strict()
  .refine((range) => range.to > range.from && range.to - range.from <= 62 * 86_400_000, { message: 'calendar.errors.range' });

export const CalendarDays = z.object({
  entries: z.array(CalendarEntry),
  /** Entries per local date ('YYYY-MM-DD'), all of them, drawn or not. */
  counts: z.record(LocalDate, z.number().int().nonnegative()),
});
export type CalendarDays = z.infer<typeof CalendarDays>;

/**
 * Setting or clearing a post's publication instant. The zone is the one the time was chosen
 * in (the partner's, normally); the instant was resolved explicitly by the UI (DST gaps and
 * repeats are the user's choice, see shared/calendar/zonedTime.ts).
 */
export const ScheduleInput = z
  .object({
    id: z.uuid(),
    scheduledAt: z.number().int().nullable(),
    zone: z.string().refine(isValidTimeZone, { message: 'errors.timeZone' }).nullable(),
  })
  .strict()
  .refine((input) => (input.scheduledAt === null) === (input.zone === null), { message: 'calendar.errors.scheduleZone' });
export type ScheduleInput = z.input<typeof ScheduleInput>;

export const SearchInput = z
  .object({
    query: z.string().trim().min(1).max(200),
    filter: CalendarFilter.default({}),
    /** Best `limit` matches only (Ctrl+K shows 20): FTS5 keeps the top ones, nothing else reaches JS. */
    limit: z.number().int().min(1).max(50).default(50),
  })
  .strict();

/** Posts without a date the calendar's tray lists, the last edited first (`calendar.unscheduledCount` gives them all). */
export const UNSCHEDULED_SHOWN = 500;

/** How many posts a search matches in all, beyond the hits it returns (`calendar.searchCount`). */
export const SearchCountInput = SearchInput.omit({ limit: true });
export const SearchCount = z.object({ total: z.number().int().nonnegative() });
export type SearchCount = z.infer<typeof SearchCount>;

/** Characters (code points) of an untitled post's text a search hit carries to name it (shared/posts/postTitle.ts cuts them to words). */
export const SEARCH_OPENING_LENGTH = 200;

/**
 * A match, best first (title matches weigh most), with the matching passage split into
 * highlighted parts. `opening`: the start of the post's text when it has no title (the matching
 * passage may be anywhere in it), '' when it has one.
 */
export const SearchHit = CalendarEntry.extend({ snippet: z.array(SnippetPart), opening: z.string() });
export type SearchHit = z.infer<typeof SearchHit>;

/** A partner's posting slots (from their editorial line's cadence), times in `timeZone`. */
export const PartnerSlots = z.object({ partnerId: z.uuid(), timeZone: z.string(), slots: PostingSlots });
export type PartnerSlots = z.infer<typeof PartnerSlots>;

/**
 * The next free slot for a post, in its partner's zone, or why there is none. `adjustment` says
 * when a clock change moved the slot (see shared/calendar/slots.ts).
 */
export const SlotProposal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('slot'),
    instant: z.number().int(),
    zone: z.string(),
    date: LocalDate,
    time: LocalTime,
    actualTime: LocalTime,
    network: Network,
    offsetMinutes: z.number().int(),
    adjustment: z.enum(['exact', 'movedOutOfGap', 'earlierOfTwo']),
  }),
  z.object({ kind: z.literal('noSlots') }),
  z.object({ kind: z.literal('noneFree'), horizonDays: z.number().int() }),
]);
export type SlotProposal = z.infer<typeof SlotProposal>;
