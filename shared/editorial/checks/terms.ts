import { wordBefore } from '../text/elision';
import { foldLoose } from '../text/fold';
import type { RuleOfKind } from '../ruleSchema';
import type { PhraseCheck } from './types';

export function forbiddenTopicCheck(rule: RuleOfKind<'forbiddenTopic'>): PhraseCheck {
  return {
    terms: rule.terms.map((term) => ({ term, stemming: rule.stemming })),
    onMatch: ({ phrase, from, to }, analysis, report) => {
      report({
        messageKey: 'editorial.finding.forbiddenTopic',
        params: { term: analysis.text.slice(from, to), topic: rule.topic ?? rule.terms[phrase.termIndex] ?? '' },
        range: { from, to },
      });
    },
  };
}

export function bannedTermCheck(rule: RuleOfKind<'bannedTerm'>): PhraseCheck {
  return {
    terms: rule.terms.map(({ term }) => ({ term, stemming: rule.stemming })),
    onMatch: ({ phrase, from, to }, analysis, report) => {
      // Replacing inside a link would break it.
      if (analysis.inUrl(from, to)) return;
      const found = analysis.text.slice(from, to);
      const banned = rule.terms[phrase.termIndex];
      const replacement = banned?.replacement;
      // An inflected match (« incontournables ») takes the replacement agreed alike, or no one-click fix.
      const agreed = banned && replacement ? agreedReplacement(banned.term, found, replacement) : null;
      // So does the word before: « le leader » → « l’acteur »; « l’expert » → « le » or « la » spécialiste?
      const before = agreed === null ? null : wordBefore(analysis.text, from, found, agreed);
      const fix = agreed === null || before === null ? null : { from: from - before.cut, to, insert: before.prefix + agreed };
      report({
        messageKey: !replacement ? 'editorial.finding.bannedTerm' : fix === null ? 'editorial.finding.bannedTermReplaceAgree' : 'editorial.finding.bannedTermReplace',
        params: { term: found, replacement: replacement ?? '' },
        range: { from, to },
        ...(fix !== null ? { fix: { labelKey: 'editorial.fix.replaceWith', labelParams: { replacement: fix.insert }, edits: [fix] } } : {}),
      });
    },
  };
}

/**
 * The replacement as the found words need it: the same case; and where the match is the term's
 * regular plural (one word, + s, or + x after -au/-eu), the replacement's plural when that is
 * regular too. Null when the agreement cannot be told safely (a feminine, « -al » → « -aux »,
 * several words): the finding then says to agree it and offers no one-click fix.
 */
export function agreedReplacement(term: string, found: string, replacement: string): string | null {
  const termForm = foldLoose(term);
  const foundForm = foldLoose(found);
  if (foundForm === termForm) return matchCase(replacement, found);
  const oneWord = !termForm.includes(' ') && !replacement.trim().includes(' ');
  const plural = foundForm === `${termForm}s` || (foundForm === `${termForm}x` && /(?:au|eu)$/.test(termForm));
  if (!oneWord || !plural) return null;
  const agreed = regularPlural(replacement.trim());
  return agreed === null ? null : matchCase(agreed, found);
}

/** A word's plural where French and English both just add s (or leave s, x, z); null for the irregular endings. */
function regularPlural(word: string): string | null {
  if (/[sxz]$/iu.test(word)) return word;
  if (/(?:al|ail|au|eu|ou|y)$/iu.test(word)) return null;
  return `${word}s`;
}

/** "Meilleur" → "Reconnu", "MEILLEUR" → "RECONNU": the replacement keeps the found word's case. */
export function matchCase(replacement: string, found: string): string {
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
