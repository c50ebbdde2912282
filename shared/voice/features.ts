import { normalizeForSimilarity } from '../similarity/normalize';

/**
 * What a voice is made of. The style features are choices a person makes (and a ghostwriter
 * copies on purpose), so they weigh most; function words and masked character 3-grams are
 * supporting signals.
 */
export const STYLE_FEATURES = [
  'sentenceLength',
  'exclamations',
  'questions',
  'ellipses',
  'guillemets',
  'lineBreaks',
  'bullets',
  'emojiRate',
  'emojiAtEnd',
  'hashtags',
  'hashtagEndBlock',
  'mentions',
  'links',
  'je',
  'nous',
  'on',
  'tu',
  'vous',
  'formal',
  'familiar',
  'callsToAction',
] as const;
export type StyleFeature = (typeof STYLE_FEATURES)[number];

/** The scoring's version: a change to the features or the profile rebuilds the stored profiles. */
export const VOICE_ALGORITHM_VERSION = 2;

export type VoiceLanguage = 'fr' | 'en';

const unique = (words: string): string[] => words.split(' ').filter((word, index, all) => word !== '' && all.indexOf(word) === index);

/** About 150 function words per language: how someone writes, whatever the topic (accents removed, as normalised). */
export const FUNCTION_WORDS: Record<VoiceLanguage, string[]> = {
  fr: unique(
    'le la les l un une des du de d au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
      'je j me m moi tu te t toi il elle on nous vous ils elles se s lui y en qui que qu quoi dont ou ' +
      'et mais donc or ni car si comme quand lorsque puisque parce alors ainsi aussi encore deja toujours jamais souvent ' +
      'tres trop plus moins bien peu tout tous toute toutes rien chaque meme autre autres sans avec pour par sur sous dans ' +
      'entre vers chez avant apres pendant depuis contre selon est sont etait ai as a avons avez ont suis es sommes etes ' +
      'fait faire peut pouvez peux doit faut ne pas n non oui voici voila ici cela ca ceci celui celle ceux ' +
      'cet ete sera serait etre avoir va vont aujourd hui enfin puis ensuite car certes surtout vraiment plutot assez beaucoup ' +
      'quelques plusieurs aucun aucune lequel laquelle lesquels auquel duquel afin grace malgre parmi',
  ),
  en: unique(
    'the a an this that these those my your his her its our their mine yours ours theirs i me we us you he she it they them ' +
      'myself ourselves yourself who whom whose which what where when why how and but or nor so yet because if though although ' +
      'while since until unless as than then also too very really just still already ever never always often sometimes ' +
      'more most less least much many few some any all each every both either neither no not none nothing something anything ' +
      'of to in on at by for with about from into onto over under between through during before after above below against ' +
      'among without within across along around is are was were be been being am do does did done have has had having ' +
      'will would shall should can could may might must let here there now today again once only even quite rather ' +
      'such same other another own one ones s t don doesn isn aren wasn didn won can ll ve re d m',
  ),
};

const EMOJI = /\p{Extended_Pictographic}/gu;

/** What marks a choice, per language: formal and familiar words, calls to action, and the pronouns. */
const MARKERS: Record<VoiceLanguage, { formal: RegExp; familiar: RegExp; calls: RegExp; je: string[]; nous: string[]; on: string[]; tu: string[]; vous: string[] }> = {
  fr: {
    formal: /\b(madame|monsieur|cordialement|je vous prie|veuillez|nous vous remercions|respectueusement)\b/giu,
    familiar: /\b(super|trop bien|hyper|top|genre|bref|sympa|cool|ouf|grave)\b/giu,
    calls: /\b(n[’']h[ée]sitez|contactez|inscrivez|d[ée]couvrez|rejoignez|partagez|lisez|commentez|[ée]crivez|abonnez)/giu,
    je: ['je', 'j', 'me', 'm', 'moi', 'mon', 'ma', 'mes'],
    nous: ['nous', 'notre', 'nos'],
    on: ['on'],
    tu: ['tu', 'te', 't', 'toi', 'ton', 'ta', 'tes'],
    vous: ['vous', 'votre', 'vos'],
  },
  en: {
    formal: /\b(dear|sincerely|kind regards|best regards|we are pleased|please find|we would like to|furthermore|moreover)\b/giu,
    familiar: /\b(awesome|cool|super|gonna|wanna|hey|folks|stoked|guys|btw|lol)\b/giu,
    calls: /\b(contact|sign up|register|join|discover|read|share|comment|check out|learn more|book|subscribe|follow)\b/giu,
    je: ['i', 'me', 'my', 'mine', 'myself'],
    nous: ['we', 'us', 'our', 'ours', 'ourselves'],
    on: ['one'],
    // English has one « you »: the tu/vous features stay at zero.
    tu: [],
    vous: [],
  },
};

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const functionIndexes: Record<VoiceLanguage, Map<string, number>> = {
  fr: new Map(FUNCTION_WORDS.fr.map((word, i) => [word, i])),
  en: new Map(FUNCTION_WORDS.en.map((word, i) => [word, i])),
};

export interface VoiceFeatures {
  style: number[];
  /** Relative frequency of each of the language's FUNCTION_WORDS. */
  functionWords: number[];
  /** Character 3-grams of the text with every non-function word masked to « x » (the topic hidden). */
  trigrams: Map<string, number>;
}

export function voiceFeatures(text: string, language: VoiceLanguage = 'fr'): VoiceFeatures {
  const markers = MARKERS[language];
  const lines = text.split('\n');
  const body = lines.filter((line) => line.trim() !== '');
  const sentences = text.split(/[.!?…]+(?:\s|$)|\n+/u).filter((s) => s.trim().length > 0);
  const normalized = normalizeForSimilarity(text);
  const words = normalized === '' ? [] : normalized.split(' ');
  const per100 = (n: number) => share(n, words.length) * 100;
  const emoji = count(text, EMOJI);
  const lastLine = body.at(-1) ?? '';
  const hashtags = count(text, /#[\p{L}\p{N}_]+/gu);
  const pronouns = (forms: readonly string[]) => words.filter((w) => forms.includes(w)).length;
  const je = pronouns(markers.je);
  const nous = pronouns(markers.nous);
  const on = pronouns(markers.on);
  const tu = pronouns(markers.tu);
  const vous = pronouns(markers.vous);
  const style: Record<StyleFeature, number> = {
    sentenceLength: share(words.length, Math.max(1, sentences.length)),
    exclamations: share(count(text, /!/g), sentences.length),
    questions: share(count(text, /\?/g), sentences.length),
    ellipses: share(count(text, /…|\.\.\./g), sentences.length),
    guillemets: count(text, /«|“/g) > 0 ? 1 : 0,
    lineBreaks: share(body.length - 1, sentences.length),
    bullets: share(body.filter((line) => /^\s*(?:[-•–*]|\d+[.)])\s/u.test(line)).length, body.length),
    emojiRate: per100(emoji),
    emojiAtEnd: /\p{Extended_Pictographic}/u.test(lastLine) ? 1 : 0,
    hashtags,
    hashtagEndBlock: hashtags > 0 && /^(?:\s*#[\p{L}\p{N}_]+)+\s*$/u.test(lastLine) ? 1 : 0,
    mentions: count(text, /(^|\s)@[\p{L}\p{N}_.-]+/gu),
    links: count(text, /\bhttps?:\/\/\S+|\bwww\.\S+/giu),
    je: share(je, je + nous + on),
    nous: share(nous, je + nous + on),
    on: share(on, je + nous + on),
    tu: share(tu, tu + vous),
    vous: share(vous, tu + vous),
    formal: count(text, markers.formal),
    familiar: count(text, markers.familiar),
    callsToAction: count(text, markers.calls),
  };
  const functionIndex = functionIndexes[language];
  const functionWords = new Array<number>(FUNCTION_WORDS[language].length).fill(0);
  for (const word of words) {
    const at = functionIndex.get(word);
    if (at !== undefined) functionWords[at] = (functionWords[at] ?? 0) + 1 / words.length;
  }
  const masked = ` ${words.map((w) => (functionIndex.has(w) ? w : 'x')).join(' ')} `;
  const trigrams = new Map<string, number>();
  for (let i = 0; i + 3 <= masked.length; i++) {
    const gram = masked.slice(i, i + 3);
    trigrams.set(gram, (trigrams.get(gram) ?? 0) + 1);
  }
  return { style: STYLE_FEATURES.map((name) => style[name]), functionWords, trigrams };
}
