import type { z } from 'zod';
import { NETWORK_LIMITS } from './networks/limits';
import type { Rule } from './ruleSchema';

/**
 * Length targets at or over their network's hard limit, as field issues (« at most 2,999 » for
 * LinkedIn): such a target is no target, and a line saved with one (LinkedIn 100,000) passed
 * silently. Checked when a line is saved or imported, not when a stored line is read back, so a
 * line saved before this check still opens. Mastodon's limit is each instance's own (Settings).
 */
export function lengthTargetProblems(rules: readonly Rule[]): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  rules.forEach((rule, ruleIndex) => {
    if (rule.kind !== 'lengthTarget') return;
    rule.targets.forEach((target, index) => {
      const hard = NETWORK_LIMITS[target.network].limit;
      if (target.network === 'mastodon' || target.max < hard) return;
      issues.push({ code: 'too_big', origin: 'number', maximum: hard - 1, inclusive: true, input: target.max, path: ['rules', ruleIndex, 'targets', index, 'max'], message: `under ${String(hard)}` });
    });
  });
  return issues;
}
