import type { ReportVoice } from '../../../shared/reports/voice';
import type { VoiceProfileRepository } from './repository';
import type { VoiceService } from './service';

/** The monthly report's voice line for a partner: their month's published posts, each read against the firm's voices. */
export const reportVoice =
  (voice: VoiceService, repo: VoiceProfileRepository) =>
  (partnerId: string, postIds: readonly string[]): ReportVoice | undefined => {
    const posts = repo.texts([...new Set(postIds)]);
    if (posts.length === 0) return undefined;
    let scored = 0;
    let readsLike = 0;
    for (const { readsLikePartner } of voice.readPosts(partnerId, posts)) {
      if (readsLikePartner === null) continue;
      scored++;
      if (readsLikePartner) readsLike++;
    }
    return { posts: posts.length, scored, readsLike };
  };
