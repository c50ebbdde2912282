import { networkLabels } from '../../posts/networks';
import type { Network } from '../../posts/networks';
import type { RuleOfKind } from '../ruleSchema';
import { foldLoose } from '../text/fold';
import type { Check } from './types';

/** Where a missing line goes: at the end, on its own line. */
export function appendLine(text: string, line: string): { from: number; to: number; insert: string } {
  const at = text.length;
  if (text.trim().length === 0) return { from: 0, to: at, insert: line };
  return { from: at, to: at, insert: text.endsWith('\n') ? line : `\n${line}` };
}

/**
 * The networks a rule requiring a line applies to in this post: null when it names networks and
 * the post targets none of them; an empty list when it names none (every network).
 */
export function requiredLineTargets(ruleNetworks: readonly Network[], postNetworks: readonly Network[]): Network[] | null {
  if (ruleNetworks.length === 0) return [];
  const targeted = ruleNetworks.filter((n) => postNetworks.includes(n));
  return targeted.length === 0 ? null : targeted;
}

/** Where a missing required line is said: the end of the post, naming its networks (and the one network, when only one). */
export function missingLineAt(text: string, targeted: readonly Network[]): { range: { from: number; to: number }; networks: string; network?: Network } {
  const [only] = targeted;
  return {
    range: { from: text.length, to: text.length },
    networks: targeted.map((n) => networkLabels[n]).join(', '),
    ...(only && targeted.length === 1 ? { network: only } : {}),
  };
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
    const targeted = requiredLineTargets(rule.networks, context.networks);
    if (targeted === null || holds(analysis.folded)) return;
    const { networks, ...at } = missingLineAt(analysis.text, targeted);
    report({
      messageKey: 'editorial.finding.requiredMentionMissing',
      params: { mention: rule.text, networks },
      ...at,
      fix: { labelKey: 'editorial.fix.insertMention', labelParams: { mention: rule.text }, edits: [appendLine(analysis.text, rule.text)] },
    });
  };
}
