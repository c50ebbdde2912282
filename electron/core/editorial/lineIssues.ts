import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { FieldIssue } from '../../../shared/api/errors';
import type { LineIssueDetails } from '../../../shared/api/procedures/editorial';
import { oneIssuePerField } from '../../../shared/api/issueKeys';
import { issuePath, lineIssueKey } from '../../../shared/editorial/issueKeys';
import type { IssueParams } from '../../../shared/editorial/issueKeys';

type Params = IssueParams;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id and kind of the rule at `index` as the user wrote them (they may be invalid). */
function ruleAt(raw: unknown, index: number): { id: string | null; kind: string | null } {
  const rules = isRecord(raw) ? raw.rules : undefined;
  const rule: unknown = Array.isArray(rules) ? rules[index] : undefined;
  if (!isRecord(rule)) return { id: null, kind: null };
  return { id: typeof rule.id === 'string' ? rule.id : null, kind: typeof rule.kind === 'string' ? rule.kind : null };
}

/**
 * A validation error naming each field, with the rule it belongs to: "rules.2.terms.0.term"
 * becomes, in English, `rule "no-jargon" (bannedTerm), field terms.0.term: …`.
 */
export function lineValidationError(error: z.ZodError, raw: unknown): ApiError {
  const rules = new Map<number, LineIssueDetails['rules'][number]>();
  const parts: string[] = [];
  const named = error.issues.map((issue) => ({ issue, path: issuePath(issue), ...lineIssueKey(issue) }));
  // One message per field, the most useful (an empty term is not also « without a letter »).
  const fields: LineIssueDetails['fields'] = oneIssuePerField(named).map(({ path, messageKey, params }) => ({ path, messageKey, params }));
  for (const { issue, path } of named) {
    const [head, index, ...rest] = path;
    if (head === 'rules' && typeof index === 'number') {
      const rule = ruleAt(raw, index);
      rules.set(index, { index, ...rule });
      parts.push(`rule ${String(index + 1)} ("${rule.id ?? '?'}", ${rule.kind ?? '?'}), field ${rest.join('.') || '(rule)'}: ${issue.message}`);
    } else parts.push(`${path.join('.') || '(line)'}: ${issue.message}`);
  }
  const issues: FieldIssue[] = fields.map(({ path, messageKey, params }) => ({ path, messageKey, ...(Object.keys(params).length > 0 ? { params } : {}) }));
  const details: LineIssueDetails = { fields, rules: [...rules.values()].sort((a, b) => a.index - b.index) };
  return new ApiError({
    code: 'validation',
    messageKey: 'editorialLine.errors.invalidLine',
    message: `Invalid editorial line: ${parts.join('; ')}`,
    issues,
    details,
  });
}

/** An import that is not a line at all (not JSON, wrong format, wrong scope). */
export const importError = (messageKey: string, message: string, params: Params = {}): ApiError =>
  new ApiError({
    code: 'validation',
    messageKey,
    message,
    issues: [{ path: [], messageKey }],
    details: { fields: [{ path: [], messageKey, params }], rules: [] } satisfies LineIssueDetails,
  });

export const lineConflict = (current: number | null): ApiError =>
  new ApiError({
    code: 'conflict',
    messageKey: 'editorialLine.errors.conflict',
    message: `The line was changed elsewhere (now version ${String(current ?? 'none')})`,
    details: { currentVersion: current },
  });
