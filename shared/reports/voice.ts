import { z } from 'zod';

const count = z.number().int().nonnegative();

/** The voice profile's line in the monthly report (issue 18): how many of the month's posts read like the partner. */
export const ReportVoice = z.object({
  /** The month's published posts. */
  posts: count,
  /** Those the profile could judge (the rest: « profil en apprentissage » in their language). */
  scored: count,
  /** Those whose closest voice is the partner's own. */
  readsLike: count,
});
export type ReportVoice = z.infer<typeof ReportVoice>;
