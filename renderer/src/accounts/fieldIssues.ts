import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, issuesFromZod } from '../../../shared/api/errors';
import type { FieldIssue } from '../../../shared/api/errors';

/** Messages per field path ('smtp.port'), the first one per field; from zod (here) or from core. */
export function issuesByPath(t: TFunction, source: z.ZodError | ApiError | FieldIssue[]): Record<string, string> {
  const issues = Array.isArray(source) ? source : source instanceof ApiError ? (source.issues ?? []) : issuesFromZod(source);
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (!(path in out)) out[path] = t(issue.messageKey, issue.params ?? {});
  }
  return out;
}
