import { z } from 'zod';
import { procedure } from '../procedure';
import { VoiceDraftText, VoiceScoreResult } from '../../voice/schema';

export const voiceProcedures = {
  /** Whose voice a draft reads like, among the firm's partners with a profile in its language (read-only). */
  'voice.score': procedure(z.object({ partnerId: z.string().min(1), text: VoiceDraftText }).strict(), VoiceScoreResult),
} as const;
