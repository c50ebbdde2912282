import { describe, expect, it } from 'vitest';
import { PostAnalyticsReply, grantsPostAnalytics, postAnalyticsEntity, postAnalyticsTotal } from '../../../shared/engagement/linkedinPostAnalytics';

/** A reply as LinkedIn's Member Post Analytics API gives it (q=entity, aggregation=TOTAL). */
const reply = (elements: unknown[]) => ({ paging: { start: 0, count: 10, links: [] }, elements });
const impression = (count: unknown) => ({
  count,
  metricType: { 'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1': 'IMPRESSION' },
  targetEntity: { share: 'urn:li:share:7400000000000000001' },
});

describe('LinkedIn Member Post Analytics replies', () => {
  it('reads the total of the metric asked', () => {
    const parsed = PostAnalyticsReply.parse(reply([impression(1_240)]));
    expect(postAnalyticsTotal(parsed)).toBe(1_240);
  });

  it('gives no figure when LinkedIn has none yet (no element)', () => {
    expect(postAnalyticsTotal(PostAnalyticsReply.parse(reply([])))).toBeUndefined();
  });

  it('refuses a reply without elements, or with a count that is not a whole non-negative number', () => {
    expect(PostAnalyticsReply.safeParse({ paging: {} }).success).toBe(false);
    expect(PostAnalyticsReply.safeParse(reply([impression('1240')])).success).toBe(false);
    expect(PostAnalyticsReply.safeParse(reply([impression(-3)])).success).toBe(false);
    expect(PostAnalyticsReply.safeParse(reply([impression(1.5)])).success).toBe(false);
  });

  it('names a share or a UGC post as the entity finder wants, the URN encoded inside the tuple', () => {
    expect(postAnalyticsEntity('urn:li:share:7400000000000000001')).toBe('(share:urn%3Ali%3Ashare%3A7400000000000000001)');
    expect(postAnalyticsEntity('urn:li:ugcPost:7400000000000000002')).toBe('(ugc:urn%3Ali%3AugcPost%3A7400000000000000002)');
    expect(postAnalyticsEntity('urn:li:activity:7400000000000000003')).toBeNull();
  });

  it('is asked only when the account was granted r_member_postAnalytics', () => {
    expect(grantsPostAnalytics(['openid', 'w_member_social', 'r_member_postAnalytics'])).toBe(true);
    expect(grantsPostAnalytics(['openid', 'w_member_social'])).toBe(false);
    expect(grantsPostAnalytics(null)).toBe(false);
  });
});
