import { z } from 'zod';
import { ReportEngagement } from './engagement';
import { ReportVoice } from './voice';
import { Partner } from '../partners/schema';
import { Network } from '../posts/networks';
import { PostStatus } from '../posts/schema';
import { Actor, AuditAction, Channel } from '../signoff/audit';
import { ReportMonth } from './month';

/**
 * The monthly activity report as data: what `aggregateMonth` computes from the audit log and
 * the posts, what the renderers (HTML, PDF, CSV) and the UI read. Instants are epoch ms;
 * local dates are 'YYYY-MM-DD' in the partner's zone. Durations are ms.
 */

const count = z.number().int().nonnegative();

export const ReportPartner = Partner.pick({
  id: true,
  displayName: true,
  role: true,
  organisation: true,
  color: true,
  timeZone: true,
  locale: true,
});
export type ReportPartner = z.infer<typeof ReportPartner>;

/**
 * Outcome counts. Each counts posts (a post once per line, however often the event happened
 * in the month), except `signoffRequests` (requests), `published` (post × network) and the
 * approvals: `approvedFirstTime`, `approvedAfterChanges` and `reapprovedAfterEdit` count
 * approvals, as the sign-off decisions do, so together they are every approval of the month.
 */
export const ReportCounts = z.object({
  drafted: count,
  sentForSignoff: count,
  signoffRequests: count,
  approvedFirstTime: count,
  approvedAfterChanges: count,
  /** Approvals given again after an earlier approval was voided by an edit of the text. */
  reapprovedAfterEdit: count.default(0),
  changesRequested: count,
  rejected: count,
  withdrawn: count,
  expired: count,
  held: count,
  missed: count,
  failed: count,
  published: count,
});
export type ReportCounts = z.infer<typeof ReportCounts>;
export const countKeys = Object.keys(ReportCounts.shape) as (keyof ReportCounts)[];

export const NetworkCount = z.object({ network: Network, count });
export type NetworkCount = z.infer<typeof NetworkCount>;

/** Sign-off turnaround, request → decision (approve, request changes, reject). */
export const Turnaround = z.object({
  decisions: count,
  medianMs: z.number().nonnegative().nullable(),
  p90Ms: z.number().nonnegative().nullable(),
  /** Kept so several partners' figures can be pooled honestly (percentiles do not add up). */
  samplesMs: z.array(z.number().nonnegative()),
});
export type Turnaround = z.infer<typeof Turnaround>;

/** Decisions against their deadline; an expired request counts as due and missed. */
export const OnTime = z.object({
  onTime: count,
  late: count,
  expired: count,
  due: count,
  rate: z.number().min(0).max(1).nullable(),
});
export type OnTime = z.infer<typeof OnTime>;

/** Editorial-line findings reported with the month's sign-off requests. */
export const Findings = z.object({
  requests: count,
  requestsWithFindings: count,
  error: count,
  warning: count,
  info: count,
  byKind: z.array(z.object({ kind: z.string(), count })),
});
export type Findings = z.infer<typeof Findings>;

export const OverrideItem = z.object({
  at: z.number().int(),
  postId: z.string(),
  title: z.string(),
  justification: z.string(),
  findingCount: count.nullable(),
});
export type OverrideItem = z.infer<typeof OverrideItem>;

export const MonthFigures = z.object({
  counts: ReportCounts,
  publishedByNetwork: z.array(NetworkCount),
  turnaround: Turnaround,
  onTime: OnTime,
  findings: Findings,
  overrides: z.array(OverrideItem),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

/** An ISO week as far as it lies in the month; only complete weeks are judged against targets. */
export const WeekRow = z.object({
  isoWeekYear: z.number().int(),
  isoWeek: z.number().int().min(1).max(53),
  weekStart: z.string(),
  from: z.string(),
  to: z.string(),
  complete: z.boolean(),
  byNetwork: z.array(NetworkCount),
  total: count,
});
export type WeekRow = z.infer<typeof WeekRow>;

export const CadenceTarget = z.object({
  network: Network,
  min: count.nullable(),
  max: count.nullable(),
  published: count,
  averagePerWeek: z.number().nonnegative(),
  weeksJudged: count,
  weeksOnTarget: count,
  weeksBelow: count,
  weeksAbove: count,
});
export type CadenceTarget = z.infer<typeof CadenceTarget>;

/** Cadence achieved against the line's targets; null when no policy was given. */
export const CadenceResult = z.object({
  targets: z.array(CadenceTarget),
  maxPerDay: z.object({ max: z.number().int().positive(), daysOver: z.array(z.object({ date: z.string(), count })) }).nullable(),
  /** Publications on a quiet day, in quiet hours or on a blackout date. */
  outsideWindows: count,
});
export type CadenceResult = z.infer<typeof CadenceResult>;

/** `pillar` null: posts with no pillar. Shares are of the month's published posts. */
export const PillarRow = z.object({
  pillar: z.string().nullable(),
  count,
  share: z.number().min(0).max(1),
  target: z.number().min(0).max(1).nullable(),
});
export type PillarRow = z.infer<typeof PillarRow>;

export const PillarMix = z.object({ basis: count, hasTargets: z.boolean(), rows: z.array(PillarRow) });
export type PillarMix = z.infer<typeof PillarMix>;

export const PublishedItem = z.object({
  at: z.number().int(),
  postId: z.string(),
  title: z.string(),
  network: Network.nullable(),
  url: z.string().nullable(),
});
export type PublishedItem = z.infer<typeof PublishedItem>;

/** One audit entry of the month with what a reader needs beside it (the CSV's rows). */
export const EventRow = z.object({
  id: z.number().int(),
  at: z.number().int(),
  postId: z.string(),
  title: z.string(),
  pillar: z.string().nullable(),
  action: AuditAction,
  fromStatus: PostStatus.nullable(),
  toStatus: PostStatus.nullable(),
  actor: Actor,
  channel: Channel.nullable(),
  revisionNumber: z.number().int().nullable(),
  network: Network.nullable(),
  url: z.string().nullable(),
  requestId: z.string().nullable(),
  deadlineAt: z.number().int().nullable(),
  turnaroundMs: z.number().nonnegative().nullable(),
  onTime: z.boolean().nullable(),
  findings: z.object({ error: count, warning: count, info: count }).nullable(),
  justification: z.string().nullable(),
  comment: z.string().nullable(),
});
export type EventRow = z.infer<typeof EventRow>;

export const comparisonKeys = [
  'published',
  'drafted',
  'sentForSignoff',
  'approvedFirstTime',
  'approvedAfterChanges',
  'rejected',
  'turnaroundMedian',
  'turnaroundP90',
  'onTimeRate',
  'findings',
  'overrides',
] as const;
export const ComparisonKey = z.enum(comparisonKeys);
export type ComparisonKey = z.infer<typeof ComparisonKey>;

export const ComparisonLine = z.object({ key: ComparisonKey, current: z.number().nullable(), previous: z.number().nullable() });
export type ComparisonLine = z.infer<typeof ComparisonLine>;

export const PartnerReport = z.object({
  kind: z.literal('partner'),
  month: ReportMonth,
  previousMonth: ReportMonth,
  range: z.object({ start: z.number().int(), end: z.number().int() }),
  generatedAt: z.number().int(),
  partner: ReportPartner,
  /** No audit entry in the month: an honest empty report. */
  empty: z.boolean(),
  figures: MonthFigures,
  previous: MonthFigures.nullable(),
  comparison: z.array(ComparisonLine),
  weeks: z.array(WeekRow),
  cadence: CadenceResult.nullable(),
  pillars: PillarMix,
  published: z.array(PublishedItem),
  events: z.array(EventRow),
  /** What the month's posts did (issue 17); absent where no engagement was read at all. */
  engagement: ReportEngagement.optional(),
  /** Near-duplicate warnings the community manager dismissed during the month, for this partner's drafts. */
  nearDuplicatesKept: count.default(0),
  /** How many of the month's posts read like the partner (voice profile); absent when nothing was published. */
  voice: ReportVoice.optional(),
});
export type PartnerReport = z.infer<typeof PartnerReport>;

export const SummaryRow = z.object({ partner: ReportPartner, empty: z.boolean(), figures: MonthFigures });
export type SummaryRow = z.infer<typeof SummaryRow>;

/** All partners together; each partner's month is taken in that partner's own zone. */
export const SummaryReport = z.object({
  kind: z.literal('summary'),
  month: ReportMonth,
  previousMonth: ReportMonth,
  generatedAt: z.number().int(),
  locale: Partner.shape.locale,
  /** The zone the generation date is shown in. */
  zone: z.string(),
  empty: z.boolean(),
  rows: z.array(SummaryRow),
  totals: MonthFigures,
  previous: MonthFigures.nullable(),
  comparison: z.array(ComparisonLine),
  weeks: z.array(WeekRow),
  pillars: PillarMix,
});
export type SummaryReport = z.infer<typeof SummaryReport>;

/** What one exported file holds: one partner, or the summary followed by the partners' own reports. */
export const ReportDocument = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner'), report: PartnerReport }),
  z.object({ kind: z.literal('all'), summary: SummaryReport, partners: z.array(PartnerReport) }),
]);
export type ReportDocument = z.infer<typeof ReportDocument>;
