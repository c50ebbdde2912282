import type { Network } from '../../../shared/posts/networks';
import { isNetwork } from '../../../shared/reports/details';
import type { EngagementPublication } from '../../../shared/reports/engagement';
import type { EngagementRepository } from './repository';

/** What the monthly report reads of engagement: the partner's publications with readings, and follower counts. */
export const reportEngagement =
  (repository: EngagementRepository) =>
  (partnerId: string, from: number, to: number, lastDay: string): { publications: EngagementPublication[]; followers: Partial<Record<Network, number>> } => ({
    publications: repository.forPartner(partnerId, from, to).map((publication) => ({
      postId: publication.postId,
      title: publication.title,
      network: publication.network,
      pillar: publication.pillar,
      publishedAt: publication.publishedAt ?? 0,
      url: publication.url,
      readings: publication.readings,
    })),
    followers: Object.fromEntries(Object.entries(repository.followersOn(partnerId, lastDay)).filter(([network]) => isNetwork(network))),
  });
