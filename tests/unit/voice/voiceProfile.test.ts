import { describe, expect, it } from 'vitest';
import { STYLE_FEATURES, voiceFeatures } from '../../../shared/voice/features';
import type { StyleFeature } from '../../../shared/voice/features';
import { buildVoiceModel, scoreVoice, voiceModelSteps } from '../../../shared/voice/profile';
import type { VoiceSample } from '../../../shared/voice/profile';

const style = (text: string, feature: StyleFeature): number => voiceFeatures(text).style[STYLE_FEATURES.indexOf(feature)] ?? Number.NaN;

const TOPICS = ['la réforme des contrats', 'le télétravail', 'la conformité RGPD', 'les baux commerciaux', 'la médiation', 'le devoir de vigilance', 'les marchés publics', 'la fiscalité des holdings', 'la propriété intellectuelle', 'la rupture conventionnelle', 'les pactes d’associés', 'la due diligence'];
/** Claire: vouvoie, « je », exclamations, emoji at the end, hashtags in an end block. */
const claire = (topic: string) => `J’ai accompagné une PME sur ${topic} cette semaine ! Vous avez des questions ? Contactez-moi 👉\n\n#droit #avocat`;
/** Dana: tutoie, « nous », long sentences, no emoji, no hashtag. */
const dana = (topic: string) => `Nous avons publié une note détaillée sur ${topic}, et nous la tenons à ta disposition si tu veux approfondir le sujet avec notre équipe.`;
const samples = (n: number): VoiceSample[] =>
  TOPICS.slice(0, n).flatMap((topic) => [
    { partnerId: 'claire', features: voiceFeatures(claire(topic)) },
    { partnerId: 'dana', features: voiceFeatures(dana(topic)) },
  ]);

describe('voice features', () => {
  it('measure tu/vous and je/nous as shares', () => {
    expect(style('Vous pouvez nous écrire. Votre avis compte.', 'vous')).toBe(1);
    expect(style('Tu peux m’écrire, ton avis compte.', 'tu')).toBe(1);
    expect(style('Je pense que nous avons raison.', 'je')).toBe(0.5);
  });

  it('see hashtags in an end block, emoji at the end, bullets and calls to action', () => {
    const text = 'Trois points :\n• un\n• deux\nN’hésitez pas à commenter 👉\n\n#droit #RH';
    expect(style(text, 'hashtags')).toBe(2);
    expect(style(text, 'hashtagEndBlock')).toBe(1);
    expect(style('Bravo 👏\nà suivre', 'emojiAtEnd')).toBe(0);
    expect(style('Bravo à toute l’équipe 👏', 'emojiAtEnd')).toBe(1);
    expect(style(text, 'bullets')).toBeCloseTo(2 / 5);
    expect(style(text, 'callsToAction')).toBe(1);
  });
});

describe('the voice profile', () => {
  it('is « en apprentissage » while a partner has fewer than 10 posts', () => {
    expect(scoreVoice(buildVoiceModel(samples(9)), voiceFeatures(claire('la médiation')))).toEqual({ status: 'learning', reason: 'fewPosts' });
  });

  it('abstains when leave-one-out accuracy is not clearly above chance (two partners who write alike)', () => {
    const alike = TOPICS.flatMap((topic) => [
      { partnerId: 'claire', features: voiceFeatures(claire(topic)) },
      { partnerId: 'dana', features: voiceFeatures(claire(topic)) },
    ]);
    expect(scoreVoice(buildVoiceModel(alike), voiceFeatures(claire('la médiation')))).toEqual({ status: 'learning', reason: 'notAboveChance' });
  });

  it('reads a draft as its author’s, with the style features that weigh most', () => {
    const model = buildVoiceModel(samples(12));
    expect(model.looAccuracy).toBe(1);
    const score = scoreVoice(model, voiceFeatures('Tu trouveras notre analyse sur le droit social, et nous restons à ta disposition pour en parler avec toi.'));
    if (score.status !== 'ready') throw new Error('expected a score');
    expect(score.scores[0]?.partnerId).toBe('dana');
    expect(score.scores[0]?.probability).toBeGreaterThan(0.5);
    expect(score.scores.reduce((sum, s) => sum + s.probability, 0)).toBeCloseTo(1);
    expect(score.reasons).toHaveLength(3);
  });
});

describe('the voice model at an agency’s size', () => {
  const many = (perPartner: number): VoiceSample[] =>
    Array.from({ length: perPartner }, (_, i) => TOPICS[i % TOPICS.length] ?? '').flatMap((topic, i) => [
      { partnerId: 'claire', features: voiceFeatures(`${claire(topic)} (${i})`) },
      { partnerId: 'dana', features: voiceFeatures(`${dana(topic)} (${i})`) },
    ]);

  it('is built in short steps, the same model as built at once', () => {
    const input = many(200);
    const steps = voiceModelSteps(input);
    let yielded = 0;
    let step = steps.next();
    while (!step.done) {
      yielded++;
      step = steps.next();
    }
    expect(yielded).toBeGreaterThan(10);
    expect(step.value).toEqual(buildVoiceModel(input));
  });

});
