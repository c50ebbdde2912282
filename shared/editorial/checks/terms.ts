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
      const replacement = rule.terms[phrase.termIndex]?.replacement;
      report({
        messageKey: replacement ? 'editorial.finding.bannedTermReplace' : 'editorial.finding.bannedTerm',
        params: { term: found, replacement: replacement ?? '' },
        range: { from, to },
        ...(replacement
          ? { fix: { labelKey: 'editorial.fix.replaceWith', labelParams: { replacement }, edits: [{ from, to, insert: matchCase(replacement, found) }] } }
          : {}),
      });
    },
  };
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
