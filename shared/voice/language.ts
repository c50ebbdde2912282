import { detectLanguage } from '../editorial/text/language';
import type { VoiceLanguage } from './features';

/** The language a post's voice is learned in: the editorial line's detection, French when it cannot tell. */
export const voiceLanguage = (text: string): VoiceLanguage => detectLanguage({ text, urls: [], hashtags: [], mentions: [] }).detected ?? 'fr';
