/**
 * The word before a replaced term, as the replacement's first sound needs it: « le leader » →
 * « l’acteur », « du leader » → « de l’acteur », « d’expert » → « de spécialiste ».
 *
 * The way back is not always knowable: « l’expert » replaced by « spécialiste » needs « le » or
 * « la », and the elided form hid which. Then there is no safe edit: the caller offers no
 * one-click fix rather than write wrong French. The same for a replacement starting with h or y,
 * which elides or not depending on the word (« l’homme », « le héros »).
 */

/** What to do with the text before the term: drop its last `cut` characters and put `prefix` there. */
export interface WordBefore {
  cut: number;
  prefix: string;
}

const UNCHANGED: WordBefore = { cut: 0, prefix: '' };

/** Full form → form before a vowel. */
const BEFORE_VOWEL: Readonly<Record<string, string>> = {
  le: 'l’',
  la: 'l’',
  de: 'd’',
  que: 'qu’',
  je: 'j’',
  me: 'm’',
  te: 't’',
  se: 's’',
  ne: 'n’',
  du: 'de l’',
  au: 'à l’',
  ce: 'cet',
  ma: 'mon',
  ta: 'ton',
  sa: 'son',
};

/** Form before a vowel → full form, where only one full form gives it (not « l’ », « mon »). */
const BEFORE_CONSONANT: Readonly<Record<string, string>> = {
  'd’': 'de',
  'qu’': 'que',
  'j’': 'je',
  'm’': 'me',
  't’': 'te',
  's’': 'se',
  'n’': 'ne',
  cet: 'ce',
};

/** Forms that hide the gender of a noun starting with a vowel (« l’avocate », « son associée »). */
const HIDES_GENDER = new Set(['l’', 'mon', 'ton', 'son']);

const VOWEL = /^[aeiouàâäéèêëîïôöùûüœæ]/iu;
/** Elides for some words and not others (« l’hôtel », « le hasard », « l’yeuse », « le yaourt »). */
const UNKNOWN = /^[hy]/iu;

/**
 * The last word before the term: a full word and the spaces after it, or an elided one (« l’ »,
 * straight or typographic apostrophe) touching the term. Only the tail is read: cost is constant.
 */
const TAIL = /[^\p{L}\p{N}’'](\p{L}+)(?:([’'])|[^\S\n]+)$/u;
const TAIL_LENGTH = 24;

/** For the term found at `from` in `text`; null when no edit is safe. */
export function wordBefore(text: string, from: number, found: string, replacement: string): WordBefore | null {
  // A space stands for the start of the text; a longer tail starts mid-word, which cannot match.
  const tail = from > TAIL_LENGTH ? text.slice(from - TAIL_LENGTH, from) : ` ${text.slice(0, from)}`;
  const match = TAIL.exec(tail);
  const word = match?.[1];
  if (!match || word === undefined) return UNCHANGED;
  const elided = match[2] !== undefined;
  const key = elided ? `${word.toLowerCase()}’` : word.toLowerCase();
  const start = replacement.trimStart();
  const vowel = VOWEL.test(start);
  const unknown = UNKNOWN.test(start);

  if (elided || key === 'cet' || HIDES_GENDER.has(key)) {
    if (vowel) return UNCHANGED;
    // « mon » before a consonant was masculine already (« mon confrère »): it stays.
    if ((key === 'mon' || key === 'ton' || key === 'son') && !VOWEL.test(found) && !UNKNOWN.test(found)) return UNCHANGED;
    if (HIDES_GENDER.has(key) || unknown) return null;
    const full = BEFORE_CONSONANT[key];
    // « jusqu’ », « presqu’ »: no full form to go back to.
    if (full === undefined) return null;
    return { cut: match[0].length - 1, prefix: `${withCaseOf(full, word, found)} ` };
  }

  const short = BEFORE_VOWEL[key];
  if (short === undefined) return UNCHANGED;
  if (unknown) return null;
  if (!vowel) return UNCHANGED;
  // The spaces after a full form go: « l’acteur » is one word to the eye; « cet acteur » keeps one.
  const spaced = !short.endsWith('’');
  const cut = match[0].length - 1;
  return { cut, prefix: withCaseOf(short, word, found) + (spaced ? ' ' : '') };
}

/** « Le » → « L’ », « DU » → « DE L’ »: the new form takes the old one's case. */
function withCaseOf(form: string, word: string, found: string): string {
  const upper = (text: string) => text === text.toUpperCase() && text !== text.toLowerCase();
  if (upper(word) && (word.length > 1 || upper(found))) return form.toUpperCase();
  const first = word.charAt(0);
  return upper(first) ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}
