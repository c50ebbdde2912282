import type { Finding, LintResult } from '../../../shared/editorial/findingSchema';
import type { FindingsSummary } from '../../../shared/signoff/schema';

/**
 * Counts of distinct findings across a post's networks: a finding that is not about one
 * network (a banned word) is reported by every network's run under the same id and counts once.
 */
export function summarise(results: readonly LintResult[]): { summary: FindingsSummary; errorFindingIds: string[] } {
  const unique = new Map<string, Finding>();
  for (const result of results) for (const finding of result.findings) if (!unique.has(finding.id)) unique.set(finding.id, finding);
  const summary: FindingsSummary = { error: 0, warning: 0, info: 0, byKind: {} };
  const errorFindingIds: string[] = [];
  for (const finding of unique.values()) {
    summary[finding.severity] += 1;
    summary.byKind[finding.kind] = (summary.byKind[finding.kind] ?? 0) + 1;
    if (finding.severity === 'error') errorFindingIds.push(finding.id);
  }
  return { summary, errorFindingIds };
}
