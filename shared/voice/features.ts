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

/** About 120 French function words: how someone writes, whatever the topic. */
export const FUNCTION_WORDS = (
  'le la les l un une des du de d au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
  'je j me m moi tu te t toi il elle on nous vous ils elles se s lui y en qui que qu quoi dont ou où ' +
  'et mais donc or ni car si comme quand lorsque puisque parce alors ainsi aussi encore deja toujours jamais souvent ' +
  'tres trop plus moins bien peu tout tous toute toutes rien chaque meme autre autres sans avec pour par sur sous dans ' +
  'entre vers chez avant apres pendant depuis contre selon est sont etait ai as a avons avez ont suis es sommes etes ' +
  'fait faire peut pouvez peux doit faut ne pas n non oui voici voila ici la cela ca ceci celui celle ceux'
)
  .split(' ')
  .filter((word, index, all) => all.indexOf(word) === index);

const EMOJI = /\p{Extended_Pictographic}/gu;
const FORMAL = /\b(madame|monsieur|cordialement|je vous prie|veuillez|nous vous remercions|respectueusement)\b/giu;
const FAMILIAR = /\b(super|trop bien|hyper|top|genre|bref|sympa|cool|ouf|grave)\b/giu;
const CALLS = /\b(n[’']h[ée]sitez|contactez|inscrivez|d[ée]couvrez|rejoignez|partagez|lisez|commentez|[ée]crivez|abonnez)/giu;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

export interface VoiceFeatures {
  style: number[];
  /** Relative frequency of each FUNCTION_WORDS entry. */
  functionWords: number[];
  /** Character 3-grams of the text with every non-function word masked to « x ». */
  trigrams: Map<string, number>;
}

export function voiceFeatures(text: string): VoiceFeatures {
  const lines = text.split('\n');
  const body = lines.filter((line) => line.trim() !== '');
  const sentences = text.split(/[.!?…]+(?:\s|$)|\n+/u).filter((s) => s.trim().length > 0);
  const normalized = normalizeForSimilarity(text);
  const words = normalized === '' ? [] : normalized.split(' ');
  const per100 = (n: number) => share(n, words.length) * 100;
  const emoji = count(text, EMOJI);
  const lastLine = body.at(-1) ?? '';
  const hashtags = count(text, /#[\p{L}\p{N}_]+/gu);
  const pronouns = (...forms: string[]) => words.filter((w) => forms.includes(w)).length;
  const je = pronouns('je', 'j', 'me', 'm', 'moi', 'mon', 'ma', 'mes');
  const nous = pronouns('nous', 'notre', 'nos');
  const on = pronouns('on');
  const tu = pronouns('tu', 'te', 't', 'toi', 'ton', 'ta', 'tes');
  const vous = pronouns('vous', 'votre', 'vos');
  const style: Record<StyleFeature, number> = {
    sentenceLength: share(words.length, Math.max(1, sentences.length)),
    exclamations: share(count(text, /!/g), sentences.length),
    questions: share(count(text, /\?/g), sentences.length),
    ellipses: share(count(text, /…|\.\.\./g), sentences.length),
    guillemets: count(text, /«/g) > 0 ? 1 : 0,
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
    formal: count(text, FORMAL),
    familiar: count(text, FAMILIAR),
    callsToAction: count(text, CALLS),
  };
  const functionIndex = new Map(FUNCTION_WORDS.map((word, i) => [word, i]));
  const functionWords = new Array<number>(FUNCTION_WORDS.length).fill(0);
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
