import { z } from 'zod';
import { CadencePolicy } from '../calendar/cadencePolicy';
import { Language, Rule, RuleId } from './ruleSchema';

export const LineId = z.string().trim().min(1).max(100);
export const LineVersion = z.number().int().min(1);
/** A theme a post can be tagged with (same bounds as CadencePolicy's pillar targets). */
export const Pillar = z.string().trim().min(1).max(60);

/**
 * The near-duplicate guard's setting: a draft is compared with other partners' posts dated
 * within ± `windowDays` of it. Lines saved before it existed read the default.
 */
export const SimilarityPolicy = z.object({ windowDays: z.number().int().min(1).max(90).default(14) });
export type SimilarityPolicy = z.infer<typeof SimilarityPolicy>;

/** Rule ids must be unique within a line: findings and overrides name rules by id. */
function uniqueRuleIds(line: { rules: readonly { id: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  line.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: 'editorial.errors.duplicateRuleId', path: ['rules', index, 'id'] });
    seen.add(rule.id);
  });
}

/** The firm's editorial line. Persistence bumps `version` on every change. */
export const EditorialLine = z
  .object({
    scope: z.literal('organisation').default('organisation'),
    id: LineId,
    name: z.string().trim().min(1).max(120),
    version: LineVersion,
    language: Language.default('fr'),
    rules: z.array(Rule).max(2000).default([]),
    /** Checked on the calendar, not in one post. */
    cadence: CadencePolicy.prefault({}),
    pillars: z.array(Pillar).max(50).default([]),
    similarity: SimilarityPolicy.prefault({}),
    /** Compliance packs applied, with the pack version. */
    packs: z.array(z.object({ id: z.string().min(1).max(60), version: LineVersion })).default([]),
  })
  .superRefine(uniqueRuleIds);
export type EditorialLine = z.infer<typeof EditorialLine>;
export type EditorialLineInput = z.input<typeof EditorialLine>;

/**
 * A partner's line, on top of the firm's: `rules` adds rules, or tightens the firm's rule of
 * the same id (same kind: stricter severity, more words, lower maxima); `disabled` switches
 * firm rules off (not locked ones).
 */
export const PartnerLine = z
  .object({
    scope: z.literal('partner').default('partner'),
    id: LineId,
    partnerId: z.string().trim().min(1).max(100),
    version: LineVersion,
    language: Language.optional(),
    rules: z.array(Rule).max(2000).default([]),
    disabled: z.array(RuleId).max(2000).default([]),
    /** Replaces the firm's cadence when set. */
    cadence: CadencePolicy.optional(),
    /** Added to the firm's pillars. */
    pillars: z.array(Pillar).max(50).default([]),
  })
  .superRefine(uniqueRuleIds);
export type PartnerLine = z.infer<typeof PartnerLine>;
export type PartnerLineInput = z.input<typeof PartnerLine>;

/** Which line, at which version, a rule (and so a finding) comes from. */
export const RuleOrigin = z.object({ scope: z.enum(['organisation', 'partner']), version: LineVersion });
export type RuleOrigin = z.infer<typeof RuleOrigin>;

export const EffectiveRule = z.object({ rule: Rule, origin: RuleOrigin });
export type EffectiveRule = z.infer<typeof EffectiveRule>;

export const ResolveIssue = z.object({
  code: z.enum(['lockedRule', 'kindMismatch', 'unknownRule']),
  ruleId: RuleId,
  messageKey: z.string(),
});
export type ResolveIssue = z.infer<typeof ResolveIssue>;

export const LineVersions = z.object({ organisation: LineVersion, partner: LineVersion.nullable() });
export type LineVersions = z.infer<typeof LineVersions>;

/** The rules that apply to one partner's posts. */
export const ResolvedLine = z.object({
  scope: z.literal('resolved'),
  organisationLineId: LineId,
  partnerLineId: LineId.nullable(),
  versions: LineVersions,
  language: Language,
  /** Enabled rules only, in order: the firm's first, then the partner's additions. */
  rules: z.array(EffectiveRule),
  switchedOff: z.array(z.object({ ruleId: RuleId, by: z.enum(['organisation', 'partner']) })),
  cadence: CadencePolicy,
  pillars: z.array(Pillar),
  issues: z.array(ResolveIssue),
});
export type ResolvedLine = z.infer<typeof ResolvedLine>;
