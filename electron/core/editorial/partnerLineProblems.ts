import { z } from 'zod';
import type { EditorialLine, PartnerLine } from '../../../shared/editorial/lineSchema';

/**
 * What a partner line asks that the firm's line does not allow, as field issues: switching
 * off a locked rule or a rule the firm's line does not have, or reusing a firm rule's id for
 * a rule of another kind; plus `more` found elsewhere (length targets). Null when the line is sound.
 */
export function partnerLineProblems(firm: EditorialLine, partner: PartnerLine, more: readonly z.core.$ZodIssue[] = []): z.ZodError | null {
  const firmRules = new Map(firm.rules.map((rule) => [rule.id, rule]));
  const ownIds = new Set(partner.rules.map((rule) => rule.id));
  const issues: z.core.$ZodIssue[] = [...more];
  partner.disabled.forEach((id, index) => {
    const rule = firmRules.get(id);
    if (rule?.locked) issues.push({ code: 'custom', path: ['disabled', index], message: 'editorial.resolve.lockedRule', input: id });
    else if (!rule && !ownIds.has(id)) issues.push({ code: 'custom', path: ['disabled', index], message: 'editorial.resolve.unknownRule', input: id });
  });
  partner.rules.forEach((rule, index) => {
    const firmRule = firmRules.get(rule.id);
    if (firmRule && firmRule.kind !== rule.kind) issues.push({ code: 'custom', path: ['rules', index, 'kind'], message: 'editorial.resolve.kindMismatch', input: rule.kind });
    // Tightening a locked rule may not switch it off either.
    else if (firmRule?.locked && !rule.enabled) issues.push({ code: 'custom', path: ['rules', index, 'enabled'], message: 'editorial.resolve.lockedRule', input: rule.enabled });
  });
  return issues.length > 0 ? new z.ZodError(issues) : null;
}
