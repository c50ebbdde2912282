import { describe, expect, it } from 'vitest';
import { explainReason, percent } from '../../../shared/voice/explain';
import { FUNCTION_WORDS, STYLE_FEATURES, voiceFeatures } from '../../../shared/voice/features';
import { buildVoiceModel, scoreVoice } from '../../../shared/voice/profile';
import { voiceLanguage } from '../../../shared/voice/language';

describe('the voice profile’s reasons in plain words', () => {
  it('say a yes/no choice as posts out of the partner’s posts, in French and English', () => {
    const reason = { feature: 'vous' as const, partnerValue: 0.9, draftValue: 0, partnerPosts: 10 };
    expect(explainReason(reason, 'Claire', 'fr')).toBe('Claire vouvoie dans 9 posts sur 10\u202f; ce brouillon tutoie');
    expect(explainReason(reason, 'Claire', 'en')).toBe('Claire uses the formal “vous” in 9 posts out of 10; this draft uses the familiar “tu”');
    expect(explainReason({ ...reason, draftValue: 1 }, 'Claire', 'fr')).toBe('Claire vouvoie dans 9 posts sur 10\u202f; ce brouillon aussi');
  });

  it('say a measured feature as the partner’s average beside the draft’s figure, with a French decimal comma', () => {
    const reason = { feature: 'sentenceLength' as const, partnerValue: 14.26, draftValue: 27, partnerPosts: 12 };
    expect(explainReason(reason, 'Dana', 'fr')).toBe('Dana\u00a0: 14,3 mots par phrase en moyenne\u202f; ce brouillon\u00a0: 27');
    expect(explainReason(reason, 'Dana', 'en')).toBe('Dana: 14.3 words per sentence on average; this draft: 27');
  });

  it('has words for every style feature in both languages', () => {
    for (const feature of STYLE_FEATURES) {
      for (const locale of ['fr', 'en'] as const) {
        const text = explainReason({ feature, partnerValue: 0.5, draftValue: 1, partnerPosts: 10 }, 'Claire', locale);
        expect(text).toMatch(/^Claire.+\d/u);
        expect(text).not.toMatch(/undefined|NaN/u);
      }
    }
  });

  it('write the share as a whole percent, with a narrow no-break space in French', () => {
    expect(percent(0.724, 'fr')).toBe('72\u202f%');
    expect(percent(0.724, 'en')).toBe('72%');
  });
});

describe('the voice profile in English', () => {
  const formal = (topic: string) => `Dear colleagues, we are pleased to share our analysis of ${topic}. We remain at your disposal. Kind regards.`;
  const casual = (topic: string) => `Hey folks! I just wrote about ${topic} and honestly it was awesome 🚀 Check out the thread! #law #startup`;
  const topics = ['employment law', 'data protection', 'commercial leases', 'mediation', 'public procurement', 'holding companies', 'patents', 'shareholder agreements', 'due diligence', 'remote work', 'supply chains', 'compliance'];

  it('is detected as English and counts English function words', () => {
    expect(voiceLanguage(formal('employment law'))).toBe('en');
    const features = voiceFeatures(formal('employment law'), 'en');
    expect(features.functionWords).toHaveLength(FUNCTION_WORDS.en.length);
    expect(features.style[STYLE_FEATURES.indexOf('nous')]).toBe(1);
    expect(features.style[STYLE_FEATURES.indexOf('formal')]).toBeGreaterThanOrEqual(2);
  });

  it('tells two English voices apart', () => {
    const samples = topics.flatMap((topic) => [
      { partnerId: 'formal', features: voiceFeatures(formal(topic), 'en') },
      { partnerId: 'casual', features: voiceFeatures(casual(topic), 'en') },
    ]);
    const score = scoreVoice(buildVoiceModel(samples), voiceFeatures(casual('tax law'), 'en'));
    if (score.status !== 'ready') throw new Error('expected a score');
    expect(score.scores[0]?.partnerId).toBe('casual');
  });
});
