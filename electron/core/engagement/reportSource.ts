import type { Network } from '../../../shared/posts/networks';
import { isNetwork } from '../../../shared/reports/details';
import type { EngagementPublication } from '../../../shared/reports/engagement';
import type { EngagementRepository } from './repository';

/** What the monthly report reads of one partner's engagement: publications with readings, and follower counts. */
export interface ReportEngagementRead {
  publications: EngagementPublication[];
  followers: Partial<Record<Network, number>>;
}

/**
 * What the monthly report reads of engagement, for every partner of the report at once: each
 * window's publications with their readings, and follower counts on `lastDay`.
 */
export const reportEngagement =
  (repository: EngagementRepository) =>
  (windows: readonly { partnerId: string; from: number; to: number }[], lastDay: string): Map<string, ReportEngagementRead> => {
    const publications = repository.forPartners(windows);
    const followers = repository.followersOfAll(windows.map((w) => w.partnerId), lastDay);
    return new Map(
      windows.map(({ partnerId }) => [
        partnerId,
        {
          publications: (publications.get(partnerId) ?? []).map((publication) => ({
            postId: publication.postId,
            title: publication.title,
            network: publication.network,
            pillar: publication.pillar,
            publishedAt: publication.publishedAt ?? 0,
            url: publication.url,
            readings: publication.readings,
          })),
          followers: Object.fromEntries(Object.entries(followers.get(partnerId) ?? {}).filter(([network]) => isNetwork(network))),
        },
      ]),
    );
  };
