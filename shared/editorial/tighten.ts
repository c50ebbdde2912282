import type { Rule, RuleOfKind, Severity } from './ruleSchema';
import { hashtagKey } from './text/entities';
import { fold } from './text/fold';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const stricterSeverity = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b);

const union = <T extends string>(a: readonly T[], b: readonly T[], key: (s: T) => string = (s) => s): T[] => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((s) => !seen.has(key(s)))];
};

/** Both allow-lists set: only what both allow. One empty (no restriction): the other. */
const narrower = (a: readonly string[], b: readonly string[], key: (s: string) => string = (s) => s): string[] => {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const inB = new Set(b.map(key));
  return a.filter((s) => inB.has(key(s)));
};

const lower = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

type Merge<K extends Rule['kind']> = (org: RuleOfKind<K>, partner: RuleOfKind<K>) => Omit<RuleOfKind<K>, keyof Common>;
type Common = Pick<Rule, 'id' | 'severity' | 'enabled' | 'locked' | 'message' | 'source'>;

/**
 * How a partner rule tightens the firm's rule of the same id, kind by kind: word lists
 * grow, allow-lists shrink, maxima go down. Choices that are not stricter or looser (tu or
 * vous, the bar mention's wording) are the partner's.
 */
const MERGES: { [K in Rule['kind']]: Merge<K> } = {
  forbiddenTopic: (o, p) => ({ kind: o.kind, topic: p.topic ?? o.topic, terms: union(o.terms, p.terms, fold), stemming: o.stemming || p.stemming }),
  bannedTerm: (o, p) => {
    const partnerTerms = new Set(p.terms.map((t) => fold(t.term)));
    return { kind: o.kind, terms: [...o.terms.filter((t) => !partnerTerms.has(fold(t.term))), ...p.terms], stemming: o.stemming || p.stemming };
  },
  requiredMention: (o, p) => ({
    kind: o.kind,
    text: p.text,
    pattern: p.pattern ?? o.pattern,
    // No list means every network, the widest requirement.
    networks: o.networks.length === 0 || p.networks.length === 0 ? [] : union(o.networks, p.networks),
  }),
  // The partner may not swap the firm's snippet; locking stays once the firm asks for it.
  requiredSnippet: (o, p) => ({
    kind: o.kind,
    snippetId: o.snippetId,
    text: o.text,
    lockInEditor: o.lockInEditor || p.lockInEditor,
    networks: o.networks.length === 0 || p.networks.length === 0 ? [] : union(o.networks, p.networks),
  }),
  hashtags: (o, p) => ({
    kind: o.kind,
    required: union(o.required, p.required, hashtagKey),
    allowed: o.allowed && p.allowed ? narrower(o.allowed, p.allowed, hashtagKey) : (p.allowed ?? o.allowed),
    max: lower(o.max, p.max),
    position: o.position === 'end' || p.position === 'end' ? 'end' : 'anywhere',
  }),
  links: (o, p) => ({
    kind: o.kind,
    allowedDomains: narrower(o.allowedDomains, p.allowedDomains),
    forbidShorteners: o.forbidShorteners || p.forbidShorteners,
    shorteners: union(o.shorteners, p.shorteners),
  }),
  utm: (o, p) => ({ kind: o.kind, source: p.source ?? o.source, medium: p.medium, campaign: p.campaign ?? o.campaign, domains: union(o.domains, p.domains) }),
  mentions: (o, p) => ({ kind: o.kind, allowed: narrower(o.allowed, p.allowed, (h) => h.toLowerCase()) }),
  networkLimits: (o) => ({ kind: o.kind }),
  lengthTarget: (o, p) => {
    const targets = new Map(o.targets.map((t) => [t.network, t.max]));
    for (const t of p.targets) targets.set(t.network, Math.min(t.max, targets.get(t.network) ?? t.max));
    return { kind: o.kind, targets: [...targets].map(([network, max]) => ({ network, max })) };
  },
  sentenceLength: (o, p) => ({ kind: o.kind, maxWords: Math.min(o.maxWords, p.maxWords) }),
  emojiCount: (o, p) => ({ kind: o.kind, max: Math.min(o.max, p.max) }),
  exclamationMarks: (o, p) => ({ kind: o.kind, max: Math.min(o.max, p.max) }),
  allCaps: (o, p) => ({ kind: o.kind, minLetters: Math.min(o.minLetters, p.minLetters), allow: narrower(o.allow, p.allow, fold) }),
  addressForm: (o, p) => ({ kind: o.kind, expected: p.expected }),
  firstPerson: (o, p) => ({ kind: o.kind, expected: p.expected }),
  frenchTypography: (o, p) => ({
    kind: o.kind,
    guillemetSpaces: o.guillemetSpaces || p.guillemetSpaces,
    apostrophe: o.apostrophe || p.apostrophe,
    ellipsis: o.ellipsis || p.ellipsis,
    quoteShapes: o.quoteShapes || p.quoteShapes,
  }),
  language: (o, p) => ({ kind: o.kind, expected: p.expected ?? o.expected, minLetters: Math.min(o.minLetters, p.minLetters) }),
};

function mergeKind<K extends Rule['kind']>(kind: K, org: RuleOfKind<K>, partner: RuleOfKind<K>): Omit<RuleOfKind<K>, keyof Common> {
  const merge: Merge<K> = MERGES[kind];
  return merge(org, partner);
}

const isKind = <K extends Rule['kind']>(rule: Rule, kind: K): rule is RuleOfKind<K> => rule.kind === kind;

/** The firm's rule tightened by the partner's rule of the same id, or null if their kinds differ. */
export function tightenRule(org: Rule, partner: Rule): Rule | null {
  if (!isKind(partner, org.kind)) return null;
  const common: Common = {
    id: org.id,
    severity: stricterSeverity(org.severity, partner.severity),
    // A locked rule stays on; otherwise the partner decides.
    enabled: partner.enabled || (org.locked && org.enabled),
    locked: org.locked,
    message: partner.message ?? org.message,
    source: org.source ?? partner.source,
  };
  // Sound: `mergeKind` returns the kind-specific fields of the same kind as `common`'s rule.
  return { ...mergeKind(org.kind, org, partner), ...common } as Rule;
}
