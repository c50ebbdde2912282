import { defineHandlers } from '../router';
import type { EngagementService } from './service';

export const engagementHandlers = (engagement: EngagementService) =>
  defineHandlers({
    'engagement.forPost': ({ postId }) => engagement.forPost(postId),
    'engagement.badges': ({ postIds }) => engagement.badges(postIds),
    'engagement.partnerRecent': ({ partnerId }) => engagement.partnerRecent(partnerId),
    'engagement.recordManual': (input) => engagement.recordManual(input),
    'engagement.importLinkedin': (input) => engagement.importLinkedin(input),
  });
