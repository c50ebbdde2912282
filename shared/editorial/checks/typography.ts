import type { TextAnalysis } from '../text/analysis';
import type { Check, Report } from './types';

/** French typography accepts either before ; : ! ? and inside « »; the fix inserts the narrow one. */
const NO_BREAK = new Set(['\u00a0', '\u202f']);
const NARROW_NBSP = '\u202f';
const MARKS = /[;:!?«»]/gu;
/** ":)", ";-)", ":D", ":p" are smileys, not punctuation. */
const SMILEY = /^-?(?:[()[\]]|[DPp](?![\p{L}\p{N}]))/u;

function spaceFinding(analysis: TextAnalysis, mark: string, spaceAt: number, markAt: number, report: Report, messageKey: string): void {
  const { text } = analysis;
  const space = text.charAt(spaceAt);
  if (NO_BREAK.has(space) || space === '\n' || space === '\r') return;
  const plain = /\s/u.test(space);
  const from = Math.min(spaceAt, markAt);
  const to = Math.max(spaceAt, markAt) + 1;
  report({
    messageKey,
    params: { char: mark },
    range: plain ? { from, to } : { from: markAt, to: markAt + 1 },
    fix: {
      labelKey: 'editorial.fix.insertNarrowNbsp',
      edits: [plain ? { from: spaceAt, to: spaceAt + 1, insert: NARROW_NBSP } : { from: markAt + (spaceAt > markAt ? 1 : 0), to: markAt + (spaceAt > markAt ? 1 : 0), insert: NARROW_NBSP }],
    },
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

/** Applies to posts written in French (detected, else the partner's language), not to English ones. */
export function frenchTypographyCheck(): Check {
  return (analysis, { language }, report) => {
    if (analysis.postLanguage(language) !== 'fr') return;
    const { text } = analysis;
    for (const match of text.matchAll(MARKS)) {
      const at = match.index;
      const mark = match[0];
      if (analysis.inUrl(at, at + 1)) continue;
      if (mark === '«') {
        if (at + 1 < text.length) spaceFinding(analysis, mark, at + 1, at, report, 'editorial.finding.typographySpaceInsideQuotes');
      } else if (at > 0 && !isExempt(text, at, mark)) {
        const messageKey = mark === '»' ? 'editorial.finding.typographySpaceInsideQuotes' : 'editorial.finding.typographySpaceBefore';
        spaceFinding(analysis, mark, at - 1, at, report, messageKey);
      }
    }
  };
}
