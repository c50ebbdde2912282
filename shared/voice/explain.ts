import type { StyleFeature } from './features';
import type { VoiceReason } from './profile';

export type ExplainLocale = 'fr' | 'en';

/** French typography: no-break space before « : », narrow no-break space before ; and %. */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const number = (value: number, locale: ExplainLocale): string => {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return locale === 'fr' ? text.replace('.', ',') : text;
};

type Choice = 'vous' | 'tu' | 'je' | 'nous' | 'on' | 'emojiAtEnd' | 'hashtagEndBlock' | 'guillemets';

/** Yes/no choices: the partner's value is the share of their posts that make it. */
const CHOICES: Record<Choice, { fr: [string, string]; en: [string, string] }> = {
  // [what the partner does, what the draft does when it does not]
  vous: { fr: ['vouvoie', 'tutoie'], en: ['uses the formal “vous”', 'uses the familiar “tu”'] },
  tu: { fr: ['tutoie', 'vouvoie'], en: ['uses the familiar “tu”', 'uses the formal “vous”'] },
  je: { fr: ['écrit «\u00a0je\u00a0»', 'n’écrit pas «\u00a0je\u00a0»'], en: ['writes “I”', 'does not write “I”'] },
  nous: { fr: ['écrit «\u00a0nous\u00a0»', 'n’écrit pas «\u00a0nous\u00a0»'], en: ['writes “we”', 'does not write “we”'] },
  on: { fr: ['écrit «\u00a0on\u00a0»', 'n’écrit pas «\u00a0on\u00a0»'], en: ['writes “one”', 'does not write “one”'] },
  emojiAtEnd: { fr: ['finit par un emoji', 'ne finit pas par un emoji'], en: ['ends with an emoji', 'does not end with an emoji'] },
  hashtagEndBlock: { fr: ['groupe ses hashtags à la fin', 'ne les groupe pas à la fin'], en: ['groups hashtags at the end', 'does not group them at the end'] },
  guillemets: { fr: ['cite entre guillemets', 'ne cite pas'], en: ['quotes someone', 'quotes no one'] },
};

/** Measured features: what one unit is, in each language. */
const MEASURES: Record<Exclude<StyleFeature, Choice>, { fr: string; en: string }> = {
  sentenceLength: { fr: 'mots par phrase', en: 'words per sentence' },
  exclamations: { fr: 'points d’exclamation par phrase', en: 'exclamation marks per sentence' },
  questions: { fr: 'questions par phrase', en: 'questions per sentence' },
  ellipses: { fr: 'points de suspension par phrase', en: 'ellipses per sentence' },
  lineBreaks: { fr: 'retours à la ligne par phrase', en: 'line breaks per sentence' },
  bullets: { fr: 'lignes à puces sur 10', en: 'bulleted lines in 10' },
  emojiRate: { fr: 'emoji pour 100 mots', en: 'emoji per 100 words' },
  hashtags: { fr: 'hashtags par post', en: 'hashtags per post' },
  mentions: { fr: 'mentions @ par post', en: '@mentions per post' },
  links: { fr: 'liens par post', en: 'links per post' },
  formal: { fr: 'formules soutenues par post', en: 'formal phrases per post' },
  familiar: { fr: 'mots familiers par post', en: 'casual words per post' },
  callsToAction: { fr: 'appels à l’action par post', en: 'calls to action per post' },
};

const isChoice = (feature: StyleFeature): feature is Choice => feature in CHOICES;

/**
 * One of the features that weigh most, in plain words:
 * « Claire vouvoie dans 9 posts sur 10 ; ce brouillon tutoie ».
 */
export function explainReason(reason: VoiceReason, partner: string, locale: ExplainLocale): string {
  const { feature, partnerValue, draftValue, partnerPosts } = reason;
  if (isChoice(feature)) {
    const words = CHOICES[feature][locale];
    const posts = Math.round(partnerValue * partnerPosts);
    const draftDoes = draftValue >= 0.5;
    if (locale === 'fr') {
      const draft = draftDoes ? `ce brouillon aussi` : `ce brouillon ${words[1]}`;
      return `${partner} ${words[0]} dans ${posts} post${posts > 1 ? 's' : ''} sur ${partnerPosts}${NNBSP}; ${draft}`;
    }
    const draft = draftDoes ? 'so does this draft' : `this draft ${words[1]}`;
    return `${partner} ${words[0]} in ${posts} post${posts === 1 ? '' : 's'} out of ${partnerPosts}; ${draft}`;
  }
  // Bullets are a share of lines: shown per 10 lines, a figure people read at a glance.
  const scale = feature === 'bullets' ? 10 : 1;
  const unit = MEASURES[feature][locale];
  const partnerFigure = number(partnerValue * scale, locale);
  const draftFigure = number(draftValue * scale, locale);
  return locale === 'fr'
    ? `${partner}${NBSP}: ${partnerFigure} ${unit} en moyenne${NNBSP}; ce brouillon${NBSP}: ${draftFigure}`
    : `${partner}: ${partnerFigure} ${unit} on average; this draft: ${draftFigure}`;
}

/** « se lit comme Claire 72 % / Dana 21 % »: the share, in whole percent, as shown. */
export const percent = (probability: number, locale: ExplainLocale): string => `${Math.round(probability * 100)}${locale === 'fr' ? NNBSP : ''}%`;
