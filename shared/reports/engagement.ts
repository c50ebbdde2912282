import { z } from 'zod';
import type { EngagementReading} from '../engagement/figures';
import { EngagementSource, Figures, addFigures, engagementMetrics, latestFigures } from '../engagement/figures';
import { Network } from '../posts/networks';

/** One publication of the partner, published in the month or the month before, with its readings. */
export interface EngagementPublication {
  postId: string;
  title: string;
  network: Network;
  pillar: string | null;
  publishedAt: number;
  url: string | null;
  readings: EngagementReading[];
}

const Per1000 = z.partialRecord(z.enum(engagementMetrics), z.number().nonnegative());

export const ReportEngagement = z.object({
  byNetwork: z.array(z.object({ network: Network, posts: z.number().int(), figures: Figures, followers: z.number().int().nullable(), per1000: Per1000.nullable() })),
  byPillar: z.array(z.object({ pillar: z.string().nullable(), posts: z.number().int(), figures: Figures })),
  top: z.array(z.object({ postId: z.string(), title: z.string(), network: Network, publishedAt: z.number().int(), url: z.string().nullable(), interactions: z.number().int(), figures: Figures })),
  totals: Figures,
  interactions: z.number().int(),
  previousInteractions: z.number().int().nullable(),
  /** Where the figures come from, and when they were read: the method section says it. */
  sources: z.array(z.object({ source: EngagementSource, readings: z.number().int(), firstReadAt: z.number().int(), lastReadAt: z.number().int() })),
  /** LinkedIn readings through the API that carried Member Post Analytics (impressions, reach); null when none did. */
  postAnalytics: z.object({ readings: z.number().int(), firstReadAt: z.number().int(), lastReadAt: z.number().int() }).nullable(),
});
export type ReportEngagement = z.infer<typeof ReportEngagement>;

const TOP = 5;

/**
 * What a post did, as one number to rank by: the network's own total when it gives one
 * (LinkedIn's export), else likes + reposts + replies + quotes. Impressions are not interactions.
 */
export function interactionsOf(figures: Figures): number {
  if (figures.engagements !== undefined) return figures.engagements;
  return (figures.likes ?? 0) + (figures.reposts ?? 0) + (figures.replies ?? 0) + (figures.quotes ?? 0);
}

/**
 * The month's engagement: each publication counts with its latest figures (counters only grow),
 * in the month it was published. Per 1,000 followers where the network's follower count is known.
 */
export function aggregateEngagement(input: {
  publications: readonly EngagementPublication[];
  range: { start: number; end: number };
  previousRange: { start: number; end: number };
  followers: Partial<Record<Network, number>>;
}): ReportEngagement {
  const inMonth = input.publications.filter((p) => p.publishedAt >= input.range.start && p.publishedAt < input.range.end);
  const before = input.publications.filter((p) => p.publishedAt >= input.previousRange.start && p.publishedAt < input.previousRange.end);
  // Oldest first, so networks and pillars come in the order the month used them.
  const rows = [...inMonth].sort((a, b) => a.publishedAt - b.publishedAt).map((publication) => ({ publication, figures: latestFigures(publication.readings) }));
  const byNetwork = new Map<Network, { posts: number; figures: Figures }>();
  const byPillar = new Map<string | null, { posts: number; figures: Figures }>();
  let totals: Figures = {};
  for (const { publication, figures } of rows) {
    const network = byNetwork.get(publication.network) ?? { posts: 0, figures: {} };
    byNetwork.set(publication.network, { posts: network.posts + 1, figures: addFigures(network.figures, figures) });
    const pillar = byPillar.get(publication.pillar) ?? { posts: 0, figures: {} };
    byPillar.set(publication.pillar, { posts: pillar.posts + 1, figures: addFigures(pillar.figures, figures) });
    totals = addFigures(totals, figures);
  }
  const sources = new Map<EngagementSource, ReadSpan>();
  let postAnalytics: ReadSpan | null = null;
  for (const { publication } of rows) {
    for (const reading of publication.readings) {
      if (publication.network === 'linkedin' && reading.source === 'api' && (reading.figures.impressions !== undefined || reading.figures.reach !== undefined)) {
        postAnalytics = widened(postAnalytics, reading.readAt);
      }
      sources.set(reading.source, widened(sources.get(reading.source), reading.readAt));
    }
  }
  const interactions = rows.reduce((sum, row) => sum + interactionsOf(row.figures), 0);
  return {
    byNetwork: [...byNetwork.entries()].map(([network, value]) => {
      const followers = input.followers[network] ?? null;
      return { network, posts: value.posts, figures: value.figures, followers, per1000: followers === null || followers === 0 ? null : per1000(value.figures, followers) };
    }),
    byPillar: [...byPillar.entries()].map(([pillar, value]) => ({ pillar, ...value })),
    top: rows
      .map(({ publication, figures }) => ({
        postId: publication.postId,
        title: publication.title,
        network: publication.network,
        publishedAt: publication.publishedAt,
        url: publication.url,
        interactions: interactionsOf(figures),
        figures,
      }))
      .sort((a, b) => b.interactions - a.interactions || (b.figures.impressions ?? 0) - (a.figures.impressions ?? 0) || a.publishedAt - b.publishedAt)
      .slice(0, TOP),
    totals,
    interactions,
    previousInteractions: before.length === 0 ? null : before.reduce((sum, p) => sum + interactionsOf(latestFigures(p.readings)), 0),
    sources: [...sources.entries()].map(([source, value]) => ({ source, ...value })),
    postAnalytics,
  };
}

interface ReadSpan {
  readings: number;
  firstReadAt: number;
  lastReadAt: number;
}

/** How many readings, and from when to when, with one more read at `readAt`. */
function widened(seen: ReadSpan | null | undefined, readAt: number): ReadSpan {
  return {
    readings: (seen?.readings ?? 0) + 1,
    firstReadAt: Math.min(seen?.firstReadAt ?? readAt, readAt),
    lastReadAt: Math.max(seen?.lastReadAt ?? readAt, readAt),
  };
}

/** Figures per 1,000 followers, to one decimal. */
function per1000(figures: Figures, followers: number): z.infer<typeof Per1000> {
  const out: z.infer<typeof Per1000> = {};
  for (const metric of engagementMetrics) {
    const value = figures[metric];
    if (value !== undefined) out[metric] = Math.round((value / followers) * 10_000) / 10;
  }
  return out;
}
