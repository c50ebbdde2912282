import type { EditorialLine, EffectiveRule, PartnerLine, ResolveIssue, ResolvedLine } from './lineSchema';
import type { Language, Rule } from './ruleSchema';
import { tightenRule } from './tighten';

const issue = (code: ResolveIssue['code'], ruleId: string): ResolveIssue => ({ code, ruleId, messageKey: `editorial.resolve.${code}` });

/**
 * The rules that apply to a partner's posts: the firm's line, then the partner's line on top
 * (tightening rules of the same id, adding new ones, switching off unlocked ones). Every
 * rule remembers which line, at which version, it comes from; a tightened rule comes from
 * the partner's. What the partner asked and could not get is listed in `issues`.
 * The posts' language is the partner line's, else the partner's own (`partnerLanguage`),
 * else the firm's.
 */
export function resolveLine(org: EditorialLine, partner?: PartnerLine | null, partnerLanguage?: Language): ResolvedLine {
  const issues: ResolveIssue[] = [];
  const switchedOff: ResolvedLine['switchedOff'] = [];
  const orgOrigin = { scope: 'organisation', version: org.version } as const;
  const partnerOrigin = partner ? ({ scope: 'partner', version: partner.version } as const) : null;
  const partnerRules = new Map((partner?.rules ?? []).map((rule) => [rule.id, rule]));
  const disabled = new Set(partner?.disabled ?? []);
  const orgIds = new Set(org.rules.map((rule) => rule.id));

  for (const id of disabled) if (!orgIds.has(id) && !partnerRules.has(id)) issues.push(issue('unknownRule', id));

  const effective: EffectiveRule[] = [];
  const keep = (rule: Rule, origin: EffectiveRule['origin'], by: 'organisation' | 'partner'): void => {
    if (rule.enabled) effective.push({ rule, origin });
    else switchedOff.push({ ruleId: rule.id, by });
  };

  for (const orgRule of org.rules) {
    let rule = orgRule;
    let origin: EffectiveRule['origin'] = orgOrigin;
    let by: 'organisation' | 'partner' = 'organisation';
    const own = partnerRules.get(orgRule.id);
    if (own && partnerOrigin) {
      const tightened = tightenRule(orgRule, own);
      if (tightened) {
        rule = tightened;
        origin = partnerOrigin;
        if (orgRule.enabled && !tightened.enabled) by = 'partner';
      } else issues.push(issue('kindMismatch', orgRule.id));
    }
    if (disabled.has(rule.id)) {
      if (rule.locked) issues.push(issue('lockedRule', rule.id));
      else if (rule.enabled) {
        rule = { ...rule, enabled: false };
        by = 'partner';
      }
    }
    keep(rule, origin, by);
  }

  if (partner && partnerOrigin) {
    for (const rule of partner.rules) {
      if (orgIds.has(rule.id)) continue;
      keep(disabled.has(rule.id) ? { ...rule, enabled: false } : rule, partnerOrigin, 'partner');
    }
  }

  return {
    scope: 'resolved',
    organisationLineId: org.id,
    partnerLineId: partner?.id ?? null,
    versions: { organisation: org.version, partner: partner?.version ?? null },
    language: partner?.language ?? partnerLanguage ?? org.language,
    rules: effective,
    switchedOff,
    cadence: partner?.cadence ?? org.cadence,
    pillars: [...new Set([...org.pillars, ...(partner?.pillars ?? [])])],
    issues,
  };
}
