import { z } from 'zod';

/** The OAuth scope LinkedIn's Member Post Analytics API needs (granted to few apps). */
export const POST_ANALYTICS_SCOPE = 'r_member_postAnalytics';

/** The figures asked of /rest/memberCreatorPostAnalytics, one call each, and their name in Plume. */
export const postAnalyticsQueries = [
  { queryType: 'IMPRESSION', metric: 'impressions' },
  { queryType: 'MEMBERS_REACHED', metric: 'reach' },
  { queryType: 'RESHARE', metric: 'reposts' },
] as const;

/**
 * GET /rest/memberCreatorPostAnalytics?q=entity&aggregation=TOTAL: one element per metric
 * asked, `count` its total. An empty `elements` is LinkedIn having no figure yet (partial data).
 */
export const PostAnalyticsReply = z.object({
  elements: z.array(
    z.object({
      count: z.number().int().nonnegative(),
      metricType: z.record(z.string(), z.string()).optional(),
    }),
  ),
});
export type PostAnalyticsReply = z.infer<typeof PostAnalyticsReply>;

/** The TOTAL of one metric, or undefined when LinkedIn gave none. */
export function postAnalyticsTotal(reply: PostAnalyticsReply): number | undefined {
  if (reply.elements.length === 0) return undefined;
  return reply.elements.reduce((sum, element) => sum + element.count, 0);
}

/** Whether the account's granted scopes (null: the network did not say) allow reading them. */
export const grantsPostAnalytics = (scopes: readonly string[] | null | undefined): boolean => scopes?.includes(POST_ANALYTICS_SCOPE) ?? false;

/** The post's URN as the `entity` finder wants it: `(share:urn%3Ali%3Ashare%3A…)` or `(ugc:…)`. */
export function postAnalyticsEntity(urn: string): string | null {
  const kind = /^urn:li:(share|ugcPost):/.exec(urn)?.[1];
  if (kind === undefined) return null;
  return `(${kind === 'share' ? 'share' : 'ugc'}:${encodeURIComponent(urn)})`;
}
