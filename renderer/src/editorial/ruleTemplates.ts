import { Rule, ruleKinds } from '../../../shared/editorial/ruleSchema';
import type { RuleKind } from '../../../shared/editorial/ruleSchema';

/** What a kind needs beyond its defaults to be a rule at all; the editor then asks for the rest. */
const REQUIRED: Partial<Record<RuleKind, Record<string, unknown>>> = {
  requiredMention: { text: '…' },
  // Until a snippet is chosen in the rule's fields (the line will not save with this one's text unmatched).
  requiredSnippet: { snippetId: '00000000-0000-4000-8000-000000000000', text: '…' },
  addressForm: { expected: 'vous' },
  firstPerson: { expected: 'plural' },
};

const kebab = (kind: string): string => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A fresh id for a rule of `kind`, unused in `taken` (ids are what partner lines and findings refer to). */
export function freshRuleId(kind: RuleKind, taken: ReadonlySet<string>): string {
  const base = kebab(kind);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${String(n)}`)) return `${base}-${String(n)}`;
}

/** A new rule of `kind` with the schema's defaults; a required mention starts with an empty text to fill in. */
export function newRule(kind: RuleKind, taken: ReadonlySet<string>): Rule {
  const rule = Rule.parse({ kind, id: freshRuleId(kind, taken), ...REQUIRED[kind] });
  return rule.kind === 'requiredMention' ? { ...rule, text: '' } : rule;
}

/** Kinds in the order the editor lists them. */
export const kindOrder: readonly RuleKind[] = ruleKinds;
