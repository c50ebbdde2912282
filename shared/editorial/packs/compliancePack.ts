import type { EditorialLine, PartnerLine } from '../lineSchema';
import type { Rule } from '../ruleSchema';

/** Ready-made rules a firm applies to its line in one click. */
export interface CompliancePack {
  id: string;
  version: number;
  /** i18n keys of the pack's name and description. */
  nameKey: string;
  descriptionKey: string;
  rules: Rule[];
}

/**
 * The line with the pack's rules: a rule of the same id is replaced where it stands, others
 * are appended. The line's version goes up, since its rules changed.
 */
export function applyCompliancePack(line: EditorialLine, pack: CompliancePack): EditorialLine {
  const byId = new Map(pack.rules.map((rule) => [rule.id, rule]));
  const rules = line.rules.map((rule) => byId.get(rule.id) ?? rule);
  const present = new Set(line.rules.map((rule) => rule.id));
  return {
    ...line,
    version: line.version + 1,
    rules: [...rules, ...pack.rules.filter((rule) => !present.has(rule.id))],
    packs: [...line.packs.filter((p) => p.id !== pack.id), { id: pack.id, version: pack.version }],
  };
}

/**
 * A partner line with the pack's rules (a rule of the same id replaced where it stands, others
 * appended, none of them switched off any more). Same version: saving it makes the next one.
 */
export function withPackRules<L extends Pick<PartnerLine, 'rules' | 'disabled'>>(line: L, pack: CompliancePack): L {
  const byId = new Map(pack.rules.map((rule) => [rule.id, rule]));
  const rules = line.rules.map((rule) => byId.get(rule.id) ?? rule);
  const present = new Set(rules.map((rule) => rule.id));
  return {
    ...line,
    rules: [...rules, ...pack.rules.filter((rule) => !present.has(rule.id))],
    disabled: line.disabled.filter((id) => !byId.has(id)),
  };
}
