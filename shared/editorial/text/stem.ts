// The "stemming" option of word lists (« Trouver aussi pluriels et féminins ») promises the
// plurals and feminine forms of a term, nothing more. Snowball stems (@orama/stemmers, used
// until 2026-12) reached much further: « gouvernance » met « gouvernement », « spécialiste »
// and « spécialisation » met « spécialisé », « meilleurement » met « meilleur », and the verb
// forms of a noun or adjective (« garantissons » for « garantie », "settled" for "settle").
// Verb forms were never promised by the UI (a line that wants them lists them), so they no
// longer match; what matches is the same word up to French number and gender inflection, or
// English plural inflection in a post written in English.
import type { Language } from '../ruleSchema';
import { stripAccents } from './fold';

/**
 * Determiners that change with gender and number: in a phrase, "le meilleur avocat" should
 * still match "la meilleure avocate" and "les meilleurs avocats".
 */
const DETERMINER_CLASS: Record<string, string> = {
  le: '§le', la: '§le', les: '§le',
  de: '§de', du: '§de', des: '§de',
  un: '§un', une: '§un',
  ce: '§ce', cet: '§ce', cette: '§ce', ces: '§ce',
  au: '§au', aux: '§au',
  mon: '§mon', ma: '§mon', mes: '§mon',
  ton: '§ton', ta: '§ton', tes: '§ton',
  son: '§son', sa: '§son', ses: '§son',
  notre: '§notre', nos: '§notre',
  votre: '§votre', vos: '§votre',
  leur: '§leur', leurs: '§leur',
};

/** The comparison key of a determiner or elided word, if it is one (input: folded). */
export function determinerKey(folded: string): string | undefined {
  return DETERMINER_CLASS[folded];
}

/**
 * French forms no regular ending gives (without accents), each with its masculine singular:
 * feminines (nouvelle → nouveau, blanche → blanc, longue → long…), the masculine's form
 * before a vowel (nouvel, bel, vieil) and plurals (travaux → travail, yeux → œil).
 */
const FRENCH_IRREGULAR: Record<string, string> = {
  nouvelle: 'nouveau', nouvel: 'nouveau', belle: 'beau', bel: 'beau', jumelle: 'jumeau',
  vieille: 'vieux', vieil: 'vieux', folle: 'fou', fol: 'fou', molle: 'mou', mol: 'mou',
  blanche: 'blanc', franche: 'franc', seche: 'sec', fraiche: 'frais', publique: 'public',
  caduque: 'caduc', grecque: 'grec', turque: 'turc', longue: 'long', oblongue: 'oblong',
  douce: 'doux', fausse: 'faux', rousse: 'roux', tierce: 'tiers', maligne: 'malin', benigne: 'benin',
  grosse: 'gros', basse: 'bas', grasse: 'gras', lasse: 'las', epaisse: 'epais', expresse: 'expres',
  maitresse: 'maitre', princesse: 'prince', comtesse: 'comte', duchesse: 'duc', hotesse: 'hote',
  travaux: 'travail', vitraux: 'vitrail', coraux: 'corail', emaux: 'email', baux: 'bail',
  soupiraux: 'soupirail', vantaux: 'vantail', yeux: 'oeil', cieux: 'ciel', aieux: 'aieul',
};

/** A doubled consonant before the feminine « e »: ancienne, bonne, paysanne, cruelle, muette, sotte, gentille, nulle. */
const DOUBLED_FEMININE = /(?:enne|onne|anne|elle|ette|otte|ille|ulle)$/u;

/** English plurals no regular ending gives. */
const ENGLISH_IRREGULAR: Record<string, string> = {
  men: 'man', women: 'woman', children: 'child', people: 'person', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', criteria: 'criterion', analyses: 'analysis', crises: 'crisis',
  theses: 'thesis', indices: 'index', phenomena: 'phenomenon',
};

const MAX_MEMO = 50_000;
const memos: Record<Language, Map<string, readonly string[]>> = { fr: new Map(), en: new Map() };

/**
 * The keys a word matches under in a post written in `language` (French unless said): the
 * word itself and every form it may be an inflection of, without accents. Two words match
 * when their key sets meet, so « avocates » (avocates, avocate, avocat) meets « avocats »
 * (avocats, avocat) at « avocat ». French: number and gender (avocat·e·s, meilleur·e·s,
 * national/nationaux, heureux/heureuse, actif/active, créateur/créatrice, travail/travaux);
 * English: plural and possessive (lawsuits, parties, lawyer's). No derivation and no verb
 * forms: « gouvernance » does not meet « gouvernement », nor « spécialiste » « spécialisé ».
 * Memoised: the same words come back on every keystroke.
 */
export function stemKeys(lower: string, language: Language = 'fr'): readonly string[] {
  const memo = memos[language];
  const known = memo.get(lower);
  if (known) return known;
  const bare = stripAccents(lower);
  const keys = language === 'en' ? englishKeys(bare) : frenchKeys(bare);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(lower, keys);
  return keys;
}

function frenchKeys(bare: string): readonly string[] {
  const determiner = determinerKey(bare.replace(/['’ʼ]/gu, "'"));
  if (determiner) return [determiner];
  const keys = new Set<string>();
  for (const singular of frenchSingulars(bare)) {
    keys.add(singular);
    addFrenchMasculines(singular, keys);
  }
  return [...keys];
}

/** The word and what it is the plural of: avocats → avocat, nouveaux → nouveau, nationaux → national. */
function frenchSingulars(word: string): string[] {
  const singulars = [word];
  const irregular = FRENCH_IRREGULAR[word];
  if (irregular) singulars.push(irregular);
  if (word.length <= 3) return singulars;
  if (word.endsWith('s')) singulars.push(word.slice(0, -1));
  else if (word.endsWith('aux')) singulars.push(word.slice(0, -1), `${word.slice(0, -3)}al`);
  else if (/[eo]ux$/u.test(word)) singulars.push(word.slice(0, -1));
  return singulars;
}

/** What a singular is the feminine of: avocate → avocat, heureuse → heureux, active → actif, ancienne → ancien. */
function addFrenchMasculines(singular: string, keys: Set<string>): void {
  const irregular = FRENCH_IRREGULAR[singular];
  if (irregular) keys.add(irregular);
  if (singular.length <= 3 || !singular.endsWith('e')) return;
  const stem = singular.slice(0, -1);
  keys.add(stem);
  if (DOUBLED_FEMININE.test(singular)) keys.add(singular.slice(0, -2));
  if (singular.endsWith('euse')) keys.add(`${singular.slice(0, -4)}eux`).add(`${singular.slice(0, -4)}eur`);
  else if (singular.endsWith('ouse')) keys.add(`${singular.slice(0, -4)}oux`);
  else if (singular.endsWith('trice')) keys.add(`${singular.slice(0, -5)}teur`);
  else if (singular.endsWith('ve')) keys.add(`${singular.slice(0, -2)}f`);
}

/** The word and what it is the plural (or possessive) of: lawsuits → lawsuit, parties → party, boxes → box. */
function englishKeys(bare: string): readonly string[] {
  const keys = new Set<string>([bare]);
  const word = bare.replace(/['’ʼ]s$/u, '');
  keys.add(word);
  const irregular = ENGLISH_IRREGULAR[word];
  if (irregular) keys.add(irregular);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    keys.add(word.slice(0, -1));
    if (word.endsWith('ies')) keys.add(`${word.slice(0, -3)}y`);
    else if (word.endsWith('ves')) keys.add(`${word.slice(0, -3)}f`).add(`${word.slice(0, -3)}fe`);
    else if (/(?:[sxzo]|[cs]h)es$/u.test(word)) keys.add(word.slice(0, -2));
  }
  return [...keys];
}
