import { z } from 'zod';
import { PostId, PostStatus } from '../posts/schema';

/** How close a pair is (see thresholds.ts); checks list only 'warn' and 'strong' pairs. */
export const SimilarityLevel = z.enum(['none', 'warn', 'strong']);

export const SimilarityMatch = z.object({
  postId: PostId,
  partnerId: z.string(),
  partnerName: z.string(),
  title: z.string(),
  status: PostStatus,
  /** The other post's date for the window (scheduled, else created), and the zone to show it in. */
  at: z.number().int(),
  zone: z.string(),
  level: SimilarityLevel,
  jaccard: z.number().min(0).max(1),
  containment: z.number().min(0).max(1),
  /** Share of the draft's passages found in the other post, in whole percent (the figure shown). */
  sharePercent: z.number().int().min(0).max(100),
  /** The community manager looked at this pair and kept the draft. */
  dismissed: z.boolean(),
});
export type SimilarityMatch = z.infer<typeof SimilarityMatch>;

export const SimilarityCheck = z.object({
  windowDays: z.number().int(),
  matches: z.array(SimilarityMatch),
});
export type SimilarityCheck = z.infer<typeof SimilarityCheck>;

export const TextRange = z.object({ from: z.number().int().min(0), to: z.number().int().min(0) });

export const SimilarityComparison = z.object({
  draft: z.object({ text: z.string(), shared: z.array(TextRange) }),
  other: z.object({ text: z.string(), shared: z.array(TextRange), match: SimilarityMatch }),
});
export type SimilarityComparison = z.infer<typeof SimilarityComparison>;

/** A flagged pair for the calendar: both entries carry a marker. */
export const SimilarityPair = z.object({ postId: PostId, otherPostId: PostId, level: SimilarityLevel, sharePercent: z.number().int() });
export type SimilarityPair = z.infer<typeof SimilarityPair>;

/** The draft text the editor holds (may be unsaved); the stored text when absent. */
export const DraftText = z.string().max(100_000).optional();
