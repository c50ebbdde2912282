import { z } from 'zod';
import { ok, procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import { DraftText, SimilarityCheck, SimilarityComparison, SimilarityPair } from '../../similarity/schema';

export const similarityProcedures = {
  /** Other partners' posts within the firm's window that the draft is too close to. */
  'similarity.check': procedure(z.object({ postId: PostId, text: DraftText }).strict(), SimilarityCheck),
  /** The two texts side by side with their shared passages. */
  'similarity.compare': procedure(z.object({ postId: PostId, otherPostId: PostId, text: DraftText }).strict(), SimilarityComparison),
  /** Keeps the draft as it is: the pair is not flagged again, and counts in the monthly report. */
  'similarity.dismiss': procedure(z.object({ postId: PostId, otherPostId: PostId }).strict(), ok),
  /** Flagged pairs among posts dated in [from, to), for the calendar's markers. */
  'similarity.pairs': procedure(
    z.object({ from: z.number().int(), to: z.number().int() }).strict().refine((r) => r.to > r.from && r.to - r.from <= 100 * 86_400_000, { message: 'errors.invalid' }),
    z.array(SimilarityPair),
  ),
} as const;
