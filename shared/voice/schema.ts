import { z } from 'zod';
import { STYLE_FEATURES } from './features';

export const VoiceLanguage = z.enum(['fr', 'en']);

export const VoiceReasonSchema = z.object({
  feature: z.enum(STYLE_FEATURES),
  partnerValue: z.number(),
  draftValue: z.number(),
  partnerPosts: z.number().int().nonnegative(),
});

/** What `voice.score` says of a draft: who it reads like, or why it cannot say yet. */
export const VoiceScoreResult = z.discriminatedUnion('status', [
  /** Nothing to read yet (an empty draft). */
  z.object({ status: z.literal('empty') }),
  /** « profil en apprentissage »: the partner has fewer than 10 posts in the language, or the firm's profiles do not tell partners apart. */
  z.object({ status: z.literal('learning'), reason: z.enum(['fewPosts', 'notAboveChance']), language: VoiceLanguage, posts: z.number().int().nonnegative() }),
  z.object({
    status: z.literal('ready'),
    language: VoiceLanguage,
    /** Best first; probabilities sum to 1. */
    scores: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), probability: z.number().min(0).max(1) })),
    /** The draft's own partner, whom the reasons are about. */
    partnerName: z.string(),
    /** The three style features where the draft differs most from its partner's habits. */
    reasons: z.array(VoiceReasonSchema),
  }),
]);
export type VoiceScoreResult = z.infer<typeof VoiceScoreResult>;

/** Longest draft scored: far above any network's limit. */
export const VoiceDraftText = z.string().max(100_000);
