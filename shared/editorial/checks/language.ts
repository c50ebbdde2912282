import type { Language, RuleOfKind } from '../ruleSchema';
import type { Check } from './types';

/** The post's language (the one most of its letters are in) against the one expected. */
export function languageCheck(rule: RuleOfKind<'language'>): Check {
  return (analysis, { language }, report) => {
    const expected: Language = rule.expected ?? language;
    const { letters, detected } = analysis.language;
    if (letters < rule.minLetters || detected === null || detected === expected) return;
    report({
      messageKey: expected === 'fr' ? 'editorial.finding.languageExpectedFr' : 'editorial.finding.languageExpectedEn',
      params: { expected, detected },
      range: { from: 0, to: analysis.text.length },
    });
  };
}
