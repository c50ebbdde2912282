import type { RuleOfKind } from '../ruleSchema';
import type { Check, Report } from './types';
import type { TextAnalysis } from '../text/analysis';

/** Words that give away "tu" or "vous" (folded; "t'" is the elided te). "tiens" is left out: also a verb. */
const TU_WORDS = new Set(['tu', 'te', "t'", 'toi', 'ton', 'ta', 'tes', 'tien', 'tienne', 'tiennes']);
const VOUS_WORDS = new Set(['vous', 'votre', 'vos', 'votres']);
/** First person singular and plural. */
const SINGULAR_WORDS = new Set(['je', "j'", 'me', "m'", 'moi', 'mon', 'ma', 'mes', 'mien', 'mienne', 'miens', 'miennes']);
const PLURAL_WORDS = new Set(['nous', 'notre', 'nos', 'notres']);

function flagWords(analysis: TextAnalysis, words: ReadonlySet<string>, messageKey: string, report: Report): void {
  for (const token of analysis.tokens) {
    if (!words.has(token.folded) || analysis.inEntity(token.from, token.to)) continue;
    report({ messageKey, params: { word: token.raw }, range: { from: token.from, to: token.to } });
  }
}

/** French only: "me", "ma", "te" are English words too. */
export function addressFormCheck(rule: RuleOfKind<'addressForm'>): Check {
  const unwanted = rule.expected === 'vous' ? TU_WORDS : VOUS_WORDS;
  const messageKey = rule.expected === 'vous' ? 'editorial.finding.addressFormExpectedVous' : 'editorial.finding.addressFormExpectedTu';
  return (analysis, { language }, report) => {
    if (language === 'fr') flagWords(analysis, unwanted, messageKey, report);
  };
}

export function firstPersonCheck(rule: RuleOfKind<'firstPerson'>): Check {
  const unwanted = rule.expected === 'plural' ? SINGULAR_WORDS : PLURAL_WORDS;
  const messageKey = rule.expected === 'plural' ? 'editorial.finding.firstPersonExpectedPlural' : 'editorial.finding.firstPersonExpectedSingular';
  return (analysis, { language }, report) => {
    if (language === 'fr') flagWords(analysis, unwanted, messageKey, report);
  };
}
