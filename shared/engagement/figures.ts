import { z } from 'zod';
import { Network } from '../posts/networks';
import { MAX_LINKEDIN_EXPORT_BYTES, base64Length } from '../api/requestSize';
import { dateOrders } from './exportDates';

/**
 * One vocabulary for every network's figures, so they add up across networks:
 * Mastodon favourites → likes, reblogs → reposts; X like/retweet/reply/quote/impression/
 * bookmark counts; Bluesky likes, reposts, replies, quotes; LinkedIn reactions → likes,
 * comments → replies, and with Member Post Analytics impressions, members reached → reach,
 * reshares → reposts. `engagements` is a network's own total of interactions when it gives
 * only that (LinkedIn's export). A network that does not give a figure has no row for it.
 */
export const engagementMetrics = ['likes', 'reposts', 'replies', 'quotes', 'impressions', 'reach', 'bookmarks', 'engagements'] as const;
export const EngagementMetric = z.enum(engagementMetrics);
export type EngagementMetric = z.infer<typeof EngagementMetric>;

export const EngagementSource = z.enum(['api', 'import', 'manual']);
export type EngagementSource = z.infer<typeof EngagementSource>;

/** When the networks are asked, after publication. */
export const readingPoints = [
  { key: '1h', afterMs: 60 * 60 * 1000 },
  { key: '24h', afterMs: 24 * 60 * 60 * 1000 },
  { key: '7d', afterMs: 7 * 24 * 60 * 60 * 1000 },
  { key: '30d', afterMs: 30 * 24 * 60 * 60 * 1000 },
] as const;
export const ReadingPoint = z.enum(['1h', '24h', '7d', '30d']);
export type ReadingPoint = z.infer<typeof ReadingPoint>;

export const Figures = z.partialRecord(EngagementMetric, z.number().int().nonnegative());
export type Figures = z.infer<typeof Figures>;

/** The figures a network gave, named in Plume's vocabulary; one it left out gets no entry (partial data). */
export function givenFigures(named: Partial<Record<EngagementMetric, number | undefined>>): Figures {
  const figures: Figures = {};
  for (const metric of engagementMetrics) {
    const value = named[metric];
    if (value !== undefined) figures[metric] = value;
  }
  return figures;
}

/** tracking: readings to come; deleted: the network no longer has the post; stopped: the account's access was refused. */
export const TrackingState = z.enum(['tracking', 'deleted', 'stopped']);
export type TrackingState = z.infer<typeof TrackingState>;

/** One reading of one publication: all the figures read at that instant, from one source. */
export const EngagementReading = z.object({
  readAt: z.number().int(),
  source: EngagementSource,
  point: ReadingPoint.nullable(),
  figures: Figures,
});
export type EngagementReading = z.infer<typeof EngagementReading>;

export const PublicationEngagement = z.object({
  publicationId: z.number().int(),
  network: Network,
  url: z.string().nullable(),
  publishedAt: z.number().int().nullable(),
  mode: z.enum(['api', 'manual']),
  tracking: TrackingState.nullable(),
  /** Why readings stopped, in the network's or Plume's words. */
  note: z.string().nullable(),
  readings: z.array(EngagementReading),
  /** LinkedIn through the API: whether the account granted Member Post Analytics (impressions, reach, reshares). */
  postAnalytics: z.enum(['granted', 'notGranted']).optional(),
});
export type PublicationEngagement = z.infer<typeof PublicationEngagement>;

export const PostEngagement = z.object({ publications: z.array(PublicationEngagement) });
export type PostEngagement = z.infer<typeof PostEngagement>;

export const ManualFiguresInput = z
  .object({
    publicationId: z.number().int().positive(),
    readAt: z.number().int().nonnegative(),
    /** Empty is refused by core with its own field error (engagement.errors.noFigure). */
    figures: Figures,
  })
  .strict();
export type ManualFiguresInput = z.infer<typeof ManualFiguresInput>;

/** The latest value of each metric across readings (readings are cumulative counters). */
export function latestFigures(readings: readonly EngagementReading[]): Figures {
  const latest: Figures = {};
  const at: Partial<Record<EngagementMetric, number>> = {};
  for (const reading of readings) {
    for (const metric of engagementMetrics) {
      const value = reading.figures[metric];
      if (value === undefined) continue;
      const seen = at[metric];
      if (seen === undefined || reading.readAt >= seen) {
        latest[metric] = value;
        at[metric] = reading.readAt;
      }
    }
  }
  return latest;
}

/** LinkedIn's analytics export (XLSX, or its TOP POSTS sheet saved as CSV), for one partner. */
export const LinkedinImportInput = z
  .object({
    partnerId: z.string().min(1),
    fileName: z.string().min(1).max(300),
    /** The file's bytes, base64 (the contract is JSON). */
    data: z.base64().max(base64Length(MAX_LINKEDIN_EXPORT_BYTES), { message: 'errors.fileTooLargeShort' }),
    /** How to read the file's dates when they read both ways: the user's answer to the result's question. */
    dateOrder: z.enum(dateOrders).optional(),
  })
  .strict();
export type LinkedinImportInput = z.infer<typeof LinkedinImportInput>;

export const ImportedRow = z.object({
  url: z.string(),
  /** The publish date as the file writes it. */
  dateText: z.string().nullable(),
  /** The day it is (YYYY-MM-DD), once the file's date order is known; null when it is not. */
  publishedOn: z.string().nullable(),
  engagements: z.number().int().nullable(),
  impressions: z.number().int().nullable(),
});

/**
 * Why a row has no post: noPost (no Plume post that day), ambiguous (several), badDate (its
 * date names no day), dateOrder (its date reads as two days, `possibleDays`, and the file does
 * not say which: asked, never guessed).
 */
export const UnmatchedReason = z.enum(['noPost', 'ambiguous', 'badDate', 'dateOrder']);

export const LinkedinImportResult = z.object({
  /** Each row recorded, with the Plume post it went to, so a wrong match can be seen. */
  matched: z.array(ImportedRow.extend({ postId: z.string(), title: z.string(), postPublishedAt: z.number().int(), by: z.enum(['url', 'date']) })),
  /** Rows nothing was recorded for, and why. */
  /** `possibleDays`: for a date that reads both ways, its month-first then its day-first reading. */
  unmatched: z.array(ImportedRow.extend({ reason: UnmatchedReason, possibleDays: z.array(z.string()) })),
  /** How the file's dates were read: decided by the file (a day over 12) or by the user; null when neither. */
  dateOrder: z.object({ order: z.enum(dateOrders), by: z.enum(['file', 'user']) }).nullable(),
  /** Copies of the header row among the rows, skipped. */
  repeatedHeaders: z.number().int().nonnegative(),
  followers: z.object({ count: z.number().int(), on: z.string().nullable() }).nullable(),
  readAt: z.number().int(),
});
export type LinkedinImportResult = z.infer<typeof LinkedinImportResult>;

/** A partner's posts of the last days with their latest figures, and the totals per network. */
export const PartnerEngagement = z.object({
  since: z.number().int(),
  until: z.number().int(),
  networks: z.array(z.object({ network: Network, posts: z.number().int(), figures: Figures })),
  posts: z.array(
    z.object({
      postId: z.string(),
      title: z.string(),
      network: Network,
      publishedAt: z.number().int(),
      url: z.string().nullable(),
      tracking: TrackingState.nullable(),
      figures: Figures,
      lastReadAt: z.number().int().nullable(),
    }),
  ),
});
export type PartnerEngagement = z.infer<typeof PartnerEngagement>;

/** Adds figures metric by metric (a metric absent on both sides stays absent). */
export function addFigures(a: Figures, b: Figures): Figures {
  const sum: Figures = { ...a };
  for (const metric of engagementMetrics) {
    const value = b[metric];
    if (value !== undefined) sum[metric] = (sum[metric] ?? 0) + value;
  }
  return sum;
}

/** The calendar's badge: what a published post did so far, across its networks. */
export const EngagementBadges = z.record(z.string(), z.object({ interactions: z.number().int(), impressions: z.number().int().nullable() }));
export type EngagementBadges = z.infer<typeof EngagementBadges>;
