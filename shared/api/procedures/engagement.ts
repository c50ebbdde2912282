import { z } from 'zod';
import { procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import { LinkedinImportInput, LinkedinImportResult, ManualFiguresInput, PostEngagement } from '../../engagement/figures';

/** Engagement (issue 17): what each published post did, over time, by network. */
export const engagementProcedures = {
  'engagement.forPost': procedure(z.object({ postId: PostId }).strict(), PostEngagement),
  /** Figures typed by hand (a network published by hand, or read off the network's own page). */
  'engagement.recordManual': procedure(ManualFiguresInput, PostEngagement),
  /** LinkedIn's analytics export (XLSX or CSV) for one partner: matched rows recorded, the others shown. */
  'engagement.importLinkedin': procedure(LinkedinImportInput, LinkedinImportResult),
} as const;
