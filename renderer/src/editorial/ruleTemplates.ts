import { PLACEHOLDER_SNIPPET_ID, Rule, ruleKinds } from '../../../shared/editorial/ruleSchema';
import type { RuleKind } from '../../../shared/editorial/ruleSchema';
import type { Network } from '../../../shared/posts/networks';

/** What a kind needs beyond its defaults to be a rule at all; the editor then asks for the rest. */
const REQUIRED: Partial<Record<RuleKind, Record<string, unknown>>> = {
  requiredMention: { text: '…' },
  // Only to parse: the new rule gets no snippet id (below), so that it is refused until one is chosen.
  requiredSnippet: { snippetId: PLACEHOLDER_SNIPPET_ID, text: '…' },
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

/**
 * A new rule of `kind` with the schema's defaults; a required mention starts with an empty text
 * to fill in, a required snippet with none chosen (its « … » text is what the picker shows until
 * then). Both are refused on their field until filled: a snippet rule saved as it came made
 * every post miss « … ».
 */
export function newRule(kind: RuleKind, taken: ReadonlySet<string>): Rule {
  const rule = Rule.parse({ kind, id: freshRuleId(kind, taken), ...REQUIRED[kind] });
  if (rule.kind === 'requiredMention') return { ...rule, text: '' };
  if (rule.kind === 'requiredSnippet') return { ...rule, snippetId: '' };
  return rule;
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
