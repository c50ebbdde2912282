import type { RuleOfKind } from '../ruleSchema';
import type { TextAnalysis } from '../text/analysis';
import type { Check, Report } from './types';

/**
 * The space a mark takes in French (Imprimerie nationale, Lexique des règles typographiques):
 * a no-break space (U+00A0) before « : » and inside « », a narrow one (U+202F) before ; ! ?.
 * The fix inserts that one; either already there is left alone: the narrow one before « : »
 * or inside « » is common (word processors put it) and reads right, and the full one before
 * ; ! ? is the usual stand-in where no narrow space exists. The check is about the line never
 * breaking before the mark, which both spaces ensure. (On X the narrow one weighs 2 characters,
 * the full one 1: a reason more for the fix to insert U+00A0 where the convention wants it.)
 */
const NO_BREAK = new Set(['\u00a0', '\u202f']);
const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const MARKS = /[;:!?«»]/gu;
/** ":)", ";-)", ":D", ":p" are smileys, not punctuation. */
const SMILEY = /^-?(?:[()[\]]|[DPp](?![\p{L}\p{N}]))/u;

/** The space the fix inserts next to `mark`, and its label. */
function spaceFor(mark: string): { insert: string; labelKey: string } {
  return mark === ';' || mark === '!' || mark === '?'
    ? { insert: NARROW_NBSP, labelKey: 'editorial.fix.insertNarrowNbsp' }
    : { insert: NBSP, labelKey: 'editorial.fix.insertNbsp' };
}

function spaceFinding(analysis: TextAnalysis, mark: string, spaceAt: number, markAt: number, report: Report, messageKey: string): void {
  const { text } = analysis;
  const space = text.charAt(spaceAt);
  if (NO_BREAK.has(space) || space === '\n' || space === '\r') return;
  const plain = /\s/u.test(space);
  const from = Math.min(spaceAt, markAt);
  const to = Math.max(spaceAt, markAt) + 1;
  const { insert, labelKey } = spaceFor(mark);
  const at = markAt + (spaceAt > markAt ? 1 : 0);
  report({
    messageKey,
    params: { char: mark },
    range: plain ? { from, to } : { from: markAt, to: markAt + 1 },
    fix: { labelKey, edits: [plain ? { from: spaceAt, to: spaceAt + 1, insert } : { from: at, to: at, insert }] },
  });
}

function isExempt(text: string, at: number, mark: string): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + 1);
  if (mark === ':' && /\d/u.test(before) && /\d/u.test(after)) return true; // 08:30, 1:2
  if (mark === ':' && text.startsWith('//', at + 1)) return true; // a scheme twitter-text did not link
  if ((mark === ':' || mark === ';') && SMILEY.test(text.slice(at + 1, at + 4))) return true;
  if ((mark === '!' || mark === '?') && (before === '!' || before === '?' || before === '(')) return true; // ?! and (!)
  return false;
}

/** A letter, an ASCII apostrophe, a letter: l'avocat, aujourd'hui. */
const STRAIGHT_APOSTROPHE = /(?<=\p{L})'(?=\p{L})/gu;
/** Exactly three full stops (four or more is something else). */
const THREE_DOTS = /(?<!\.)\.\.\.(?!\.)/gu;

/** Applies to posts written in French (detected, else the partner's language), not to English ones. */
export function frenchTypographyCheck(rule: RuleOfKind<'frenchTypography'>): Check {
  return (analysis, { language }, report) => {
    if (analysis.postLanguage(language) !== 'fr') return;
    const { text } = analysis;
    for (const match of text.matchAll(MARKS)) {
      const at = match.index;
      const mark = match[0];
      if (analysis.inUrl(at, at + 1)) continue;
      if (mark === '«') {
        if (rule.guillemetSpaces && at + 1 < text.length) spaceFinding(analysis, mark, at + 1, at, report, 'editorial.finding.typographySpaceInsideQuotes');
      } else if (mark === '»') {
        if (rule.guillemetSpaces && at > 0) spaceFinding(analysis, mark, at - 1, at, report, 'editorial.finding.typographySpaceInsideQuotes');
      } else if (at > 0 && !isExempt(text, at, mark)) {
        spaceFinding(analysis, mark, at - 1, at, report, 'editorial.finding.typographySpaceBefore');
      }
    }
    if (rule.apostrophe) apostropheFindings(analysis, report);
    if (rule.ellipsis) ellipsisFindings(analysis, report);
    if (rule.quoteShapes) quoteShapeFindings(analysis, report);
  };
}

function apostropheFindings(analysis: TextAnalysis, report: Report): void {
  for (const match of analysis.text.matchAll(STRAIGHT_APOSTROPHE)) {
    const range = { from: match.index, to: match.index + 1 };
    if (analysis.inUrl(range.from, range.to)) continue;
    report({
      messageKey: 'editorial.finding.typographyApostrophe',
      range,
      fix: { labelKey: 'editorial.fix.useTypographicApostrophe', edits: [{ ...range, insert: '\u2019' }] },
    });
  }
}

function ellipsisFindings(analysis: TextAnalysis, report: Report): void {
  for (const match of analysis.text.matchAll(THREE_DOTS)) {
    const range = { from: match.index, to: match.index + 3 };
    if (analysis.inUrl(range.from, range.to)) continue;
    report({
      messageKey: 'editorial.finding.typographyEllipsis',
      range,
      fix: { labelKey: 'editorial.fix.useEllipsis', edits: [{ ...range, insert: '\u2026' }] },
    });
  }
}

/**
 * Quotations in "…" or “…” become « … » with no-break spaces inside. “…” inside « » is the
 * French second level and stays; a straight quote left without its pair is left alone.
 */
function quoteShapeFindings(analysis: TextAnalysis, report: Report): void {
  const { text } = analysis;
  let depth = 0;
  let open: { at: number; char: string } | null = null;
  for (let at = 0; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === '«') depth++;
    else if (char === '»') depth = Math.max(0, depth - 1);
    else if (analysis.inUrl(at, at + 1)) continue;
    else if (open === null && (char === '"' || (char === '\u201c' && depth === 0))) open = { at, char };
    else if (open !== null && (open.char === '"' ? char === '"' : char === '\u201d')) {
      const inner = text.slice(open.at + 1, at);
      if (inner.trim() !== '') {
        const range = { from: open.at, to: at + 1 };
        report({
          messageKey: 'editorial.finding.typographyQuoteShape',
          params: { quote: text.slice(range.from, range.to) },
          range,
          fix: { labelKey: 'editorial.fix.useFrenchQuotes', edits: [{ ...range, insert: `«${NBSP}${inner.trim()}${NBSP}»` }] },
        });
      }
      open = null;
    }
  }
}
