import { networkLabels } from '../../posts/networks';
import type { RuleOfKind } from '../ruleSchema';
import { foldLoose } from '../text/fold';
import type { Check } from './types';

/** Where a missing line goes: at the end, on its own line. */
export function appendLine(text: string, line: string): { from: number; to: number; insert: string } {
  const at = text.length;
  if (text.trim().length === 0) return { from: 0, to: at, insert: line };
  return { from: at, to: at, insert: text.endsWith('\n') ? line : `\n${line}` };
}

/** Whether a folded text holds the mention, as written or in an accepted wording. */
export function mentionMatcher(rule: RuleOfKind<'requiredMention'>): (folded: string) => boolean {
  const wanted = foldLoose(rule.text);
  // Not global: `test` keeps no state between calls.
  const pattern = rule.pattern ? new RegExp(rule.pattern, 'u') : null;
  return (folded) => folded.includes(wanted) || (pattern?.test(folded) ?? false);
}

export function requiredMentionCheck(rule: RuleOfKind<'requiredMention'>): Check {
  const holds = mentionMatcher(rule);
  return (analysis, { context }, report) => {
    const targeted = rule.networks.length === 0 ? [] : rule.networks.filter((n) => context.networks.includes(n));
    if (rule.networks.length > 0 && targeted.length === 0) return;
    if (holds(analysis.folded)) return;
    const [only] = targeted;
    report({
      messageKey: 'editorial.finding.requiredMentionMissing',
      params: { mention: rule.text, networks: targeted.map((n) => networkLabels[n]).join(', ') },
      range: { from: analysis.text.length, to: analysis.text.length },
      ...(only && targeted.length === 1 ? { network: only } : {}),
      fix: { labelKey: 'editorial.fix.insertMention', labelParams: { mention: rule.text }, edits: [appendLine(analysis.text, rule.text)] },
    });
  };
}
