import type { RuleOfKind } from '../ruleSchema';
import { fold } from '../text/fold';
import type { Check } from './types';

export function sentenceLengthCheck(rule: RuleOfKind<'sentenceLength'>): Check {
  return (analysis, _env, report) => {
    const { tokens } = analysis;
    let t = 0;
    for (const sentence of analysis.sentences) {
      let words = 0;
      for (; t < tokens.length; t++) {
        const token = tokens[t];
        if (!token || token.from >= sentence.to) break;
        // l'avocat is one word; a link is not read word by word.
        if (token.from >= sentence.from && !token.elision && !analysis.inUrl(token.from, token.to)) words++;
      }
      if (words > rule.maxWords) {
        report({ messageKey: 'editorial.finding.sentenceTooLong', params: { words, max: rule.maxWords }, range: { from: sentence.from, to: sentence.to } });
      }
    }
  };
}

/** Removes a span and one space before it, so no double space is left. */
function removeWithSpace(text: string, from: number, to: number): { from: number; to: number; insert: string } {
  const start = from > 0 && text.charAt(from - 1) === ' ' ? from - 1 : from;
  return { from: start, to, insert: '' };
}

export function emojiCountCheck(rule: RuleOfKind<'emojiCount'>): Check {
  return (analysis, _env, report) => {
    const { emoji, text } = analysis;
    emoji.slice(rule.max).forEach(({ from, to }) => {
      report({
        messageKey: 'editorial.finding.tooManyEmoji',
        params: { count: emoji.length, max: rule.max },
        range: { from, to },
        fix: { labelKey: 'editorial.fix.removeEmoji', edits: [removeWithSpace(text, from, to)] },
      });
    });
  };
}

export function exclamationMarksCheck(rule: RuleOfKind<'exclamationMarks'>): Check {
  return (analysis, _env, report) => {
    const marks = [...analysis.text.matchAll(/!/gu)].map((m) => m.index).filter((at) => !analysis.inUrl(at, at + 1));
    // « 1 pour 0 au plus » read oddly: with none allowed, each mark is simply not allowed.
    const messageKey = rule.max === 0 ? 'editorial.finding.exclamationNotAllowed' : 'editorial.finding.tooManyExclamations';
    for (const at of marks.slice(rule.max)) {
      report({ messageKey, params: { count: marks.length, max: rule.max }, range: { from: at, to: at + 1 } });
    }
  };
}

const ROMAN_NUMERAL = /^[IVXLCDM]+$/u;

/**
 * Whether the text before `from` ends a sentence or a line. Looks at the end only: an
 * end-anchored regex over the whole text before took time proportional to the post, per word.
 */
function atSentenceStart(text: string, from: number): boolean {
  const before = text.slice(0, from);
  const trimmed = before.trimEnd();
  if (trimmed === '' || /[.!?…]["»”)\]]?$/u.test(trimmed.slice(-2))) return true;
  let at = before.length - 1;
  while (at >= 0 && (before.charAt(at) === ' ' || before.charAt(at) === '\t')) at--;
  return at >= 0 && before.charAt(at) === '\n';
}

export function allCapsCheck(rule: RuleOfKind<'allCaps'>): Check {
  const allowed = new Set(rule.allow.map(fold));
  return (analysis, _env, report) => {
    const { text } = analysis;
    for (const token of analysis.tokens) {
      // Cheap first: a word with no capital letter lowers to itself.
      if (token.elision || token.raw.length < rule.minLetters || token.raw === token.lower) continue;
      const letters = token.raw.replace(/[^\p{L}]/gu, '');
      if (letters.length < rule.minLetters || /\p{Ll}/u.test(letters) || !/\p{Lu}/u.test(letters)) continue;
      if (allowed.has(fold(token.raw)) || ROMAN_NUMERAL.test(token.raw) || analysis.inEntity(token.from, token.to)) continue;
      const lower = token.raw.toLocaleLowerCase('fr');
      const insert = atSentenceStart(text, token.from) ? lower.charAt(0).toLocaleUpperCase('fr') + lower.slice(1) : lower;
      report({
        messageKey: 'editorial.finding.allCaps',
        params: { word: token.raw },
        range: { from: token.from, to: token.to },
        fix: { labelKey: 'editorial.fix.lowercase', labelParams: { word: insert }, edits: [{ from: token.from, to: token.to, insert }] },
      });
    }
  };
}
