import { z } from 'zod';
import { ok, procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import { DraftText, SimilarityCheck, SimilarityComparison, SimilarityPair } from '../../similarity/schema';

/** Names one pair search, chosen by the view that asks for it. */
const PairsTicket = z.string().min(1).max(64);

export const similarityProcedures = {
  /** Other partners' posts within the firm's window that the draft is too close to. */
  'similarity.check': procedure(z.object({ postId: PostId, text: DraftText }).strict(), SimilarityCheck),
  /** The two texts side by side with their shared passages. */
  'similarity.compare': procedure(z.object({ postId: PostId, otherPostId: PostId, text: DraftText }).strict(), SimilarityComparison),
  /** Keeps the draft as it is: the pair is not flagged again, and counts in the monthly report. */
  'similarity.dismiss': procedure(z.object({ postId: PostId, otherPostId: PostId }).strict(), ok),
  /** Flagged pairs among posts dated in [from, to), for the calendar's markers; `ticket` names the search for `cancelPairs`. */
  'similarity.pairs': procedure(
    z.object({ from: z.number().int(), to: z.number().int(), ticket: PairsTicket.optional() }).strict().refine((r) => r.to > r.from && r.to - r.from <= 100 * 86_400_000, { message: 'errors.invalid' }),
    z.array(SimilarityPair),
  ),
  /** The view that asked for these pairs was left: its search stops (what it found so far is kept). */
  'similarity.cancelPairs': procedure(z.object({ ticket: PairsTicket }).strict(), ok),
} as const;
