/**
 * A quotation that already ends with its own stop (. ! ? …) ends the sentence too: no second
 * period after the closing mark (« … juridique. », not « … juridique. ».), in French and English.
 */
const STOP_AFTER_QUOTED_STOP = /([.!?…][\u00a0\u202f ]?[»"”])\./gu;

export const withoutDoubledStop = (sentence: string): string => sentence.replace(STOP_AFTER_QUOTED_STOP, '$1');
