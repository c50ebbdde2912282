import type { Finding, LintContextInput, LintResult } from './findingSchema';
import { LintContext } from './findingSchema';
import type { CheckEnv, RawFinding, Report } from './checks/types';
import { compileLine } from './compile';
import type { CompiledLine } from './compile';
import type { EditorialLine, EffectiveRule, ResolvedLine } from './lineSchema';
import { TextAnalysis } from './text/analysis';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Lines compiled on the caller's behalf, kept as long as the line object lives. */
const compiledCache = new WeakMap<ResolvedLine | EditorialLine, CompiledLine>();

function compiledFor(line: CompiledLine | ResolvedLine | EditorialLine): CompiledLine {
  if (line.scope === 'compiled') return line;
  let compiled = compiledCache.get(line);
  if (!compiled) {
    compiled = compileLine(line);
    compiledCache.set(line, compiled);
  }
  return compiled;
}

function reporter({ rule, origin }: EffectiveRule, findings: Finding[]): Report {
  return (raw: RawFinding) => {
    const { range, network, fix } = raw;
    const check = raw.messageKey.slice(raw.messageKey.lastIndexOf('.') + 1);
    findings.push({
      id: `${rule.id}/${check}/${network ?? '*'}/${range.from}-${range.to}`,
      ruleId: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      messageKey: raw.messageKey,
      params: raw.params ?? {},
      ...(rule.message ? { message: rule.message } : {}),
      ...(rule.source ? { source: rule.source } : {}),
      range,
      ...(network ? { network } : {}),
      ...(fix ? { fix: { labelKey: fix.labelKey, labelParams: fix.labelParams ?? {}, edits: fix.edits, ...(fix.snippet ? { snippet: fix.snippet } : {}) } } : {}),
      origin,
    });
  };
}

/** What makes two findings the same problem to the reader, whichever rule found it. */
function sameProblemKey(finding: Finding): string {
  const params = Object.keys(finding.params)
    .sort()
    .map((name) => [name, finding.params[name]]);
  return JSON.stringify([finding.kind, finding.messageKey, params, finding.range.from, finding.range.to, finding.network ?? null]);
}

/** Of two findings of one problem, the one to show: the more severe, else the partner's rule's. */
function preferred(a: Finding, b: Finding): Finding {
  const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (bySeverity !== 0) return bySeverity < 0 ? a : b;
  return b.origin.scope === 'partner' && a.origin.scope !== 'partner' ? b : a;
}

/**
 * One finding per problem: two rules of the same kind (a partner's own « Typographie
 * française » beside the firm's inherited one) find each problem twice, and the reader would
 * see it listed, underlined and fixable twice. The kept finding is whole (its rule, origin,
 * message and severity go together): the more severe, and on a tie the partner's line's, which
 * is the one the partner last chose; it takes the other's quick fix if it has none.
 */
function mergeSameFindings(findings: readonly Finding[]): Finding[] {
  const byProblem = new Map<string, Finding>();
  for (const finding of findings) {
    const key = sameProblemKey(finding);
    const known = byProblem.get(key);
    if (!known) {
      byProblem.set(key, finding);
      continue;
    }
    const kept = preferred(known, finding);
    const other = kept === known ? finding : known;
    byProblem.set(key, !kept.fix && other.fix ? { ...kept, fix: other.fix } : kept);
  }
  return [...byProblem.values()];
}

/**
 * Checks `text` (the plain text a network receives) against an editorial line. Pure and
 * deterministic; pass a `compileLine` result to skip compiling on each call.
 */
export function lint(text: string, line: CompiledLine | ResolvedLine | EditorialLine, contextInput: LintContextInput = {}): LintResult {
  const compiled = compiledFor(line);
  const context = LintContext.parse(contextInput);
  const env: CheckEnv = { context, language: context.language ?? compiled.line.language, isRequiredMention: compiled.isRequiredMention };
  const analysis = new TextAnalysis(text, context);
  const findings: Finding[] = [];

  for (const { rule, run } of compiled.checks) run(analysis, env, reporter(rule, findings));
  if (compiled.phraseRules.length > 0) {
    // Reporters made on a rule's first match: most of a long line's rules find nothing.
    const reporters: (Report | undefined)[] = [];
    // Words are stemmed as the post is written: detected, else the expected language.
    for (const match of compiled.phrases.matchLines(analysis, analysis.postLanguage(env.language))) {
      const { slot } = match.phrase;
      const target = compiled.phraseRules[slot];
      if (!target) continue;
      const report = (reporters[slot] ??= reporter(target.rule, findings));
      target.check.onMatch(match, analysis, report);
    }
  }

  return {
    lineVersion: compiled.line.versions,
    findings: mergeSameFindings([...new Map(findings.map((finding) => [finding.id, finding])).values()]).sort(
      (a, b) =>
        a.range.from - b.range.from ||
        a.range.to - b.range.to ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    ),
  };
}
