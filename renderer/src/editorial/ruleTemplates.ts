import { Rule, ruleKinds } from '../../../shared/editorial/ruleSchema';
import type { RuleKind } from '../../../shared/editorial/ruleSchema';
import type { Network } from '../../../shared/posts/networks';

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

/**
 * The target a new length-target row starts with: a usual length for the network, under its
 * hard limit (X 280, Bluesky 300, Mastodon's default 500, Threads 500), so that the row is
 * valid before it is touched (1,300 for every network made X's row « at most 279 » at once).
 */
const LENGTH_TARGETS: Record<Network, number> = {
  linkedin: 1300,
  x: 240,
  mastodon: 400,
  bluesky: 250,
  facebook: 1300,
  instagram: 1300,
  threads: 400,
};

export const defaultLengthTarget = (network: Network): number => LENGTH_TARGETS[network];
