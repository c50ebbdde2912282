import { z } from 'zod';
import { procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import { EngagementBadges, LinkedinImportInput, LinkedinImportResult, ManualFiguresInput, PartnerEngagement, PostEngagement } from '../../engagement/figures';
import { PartnerId } from '../../partners/schema';

/** Engagement (issue 17): what each published post did, over time, by network. */
export const engagementProcedures = {
  'engagement.forPost': procedure(z.object({ postId: PostId }).strict(), PostEngagement),
  /** Calendar badges of the posts shown (those with figures only). */
  'engagement.badges': procedure(z.object({ postIds: z.array(PostId).max(1_000) }).strict(), EngagementBadges),
  /** The partner's page: the last 90 days' posts and figures, per network. */
  'engagement.partnerRecent': procedure(z.object({ partnerId: PartnerId }).strict(), PartnerEngagement),
  /** Figures typed by hand (a network published by hand, or read off the network's own page). */
  'engagement.recordManual': procedure(ManualFiguresInput, PostEngagement),
  /** LinkedIn's analytics export (XLSX or CSV) for one partner: matched rows recorded, the others shown. */
  'engagement.importLinkedin': procedure(LinkedinImportInput, LinkedinImportResult),
} as const;
