/**
 * A quotation that is itself a sentence ending with its own stop (. ! ? …) ends the sentence
 * too: no second period after the closing mark (« … juridique. », not « … juridique. ».), in
 * French and English. A quoted mark alone (« ! », "?") is no sentence: the period stays
 * (« une espace insécable précède « ! ». », as after « : »).
 */
const QUOTED_STOP_THEN_STOP = /([«"“])([^«»"“”]*?[.!?…])([\u00a0\u202f ]?[»"”])\./gu;
/** What makes a quotation more than punctuation: a letter or a digit. */
const WORDING = /[\p{L}\p{N}]/u;

export const withoutDoubledStop = (sentence: string): string =>
  sentence.replace(QUOTED_STOP_THEN_STOP, (whole: string, open: string, quoted: string, close: string) => (WORDING.test(quoted) ? `${open}${quoted}${close}` : whole));
