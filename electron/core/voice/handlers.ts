import { defineHandlers } from '../router';
import type { VoiceService } from './service';

export const voiceHandlers = (voice: VoiceService) =>
  defineHandlers({
    'voice.score': ({ partnerId, text }) => voice.score(partnerId, text),
  });
