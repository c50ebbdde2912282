import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { LineIssueDetails } from '../../../shared/api/procedures/editorial';
import { issuePath, lineIssueKey } from '../../../shared/editorial/issueKeys';
import type { IssueParams } from '../../../shared/editorial/issueKeys';

export type Path = readonly (string | number)[];
export interface LineIssue {
  path: (string | number)[];
  messageKey: string;
  params: IssueParams;
}

export const pathKey = (path: Path): string => path.join('.');

/** Issues of a live parse of the draft, with the same keys core gives on save. */
export const issuesOfParse = (error: z.ZodError): LineIssue[] => error.issues.map((issue) => ({ path: issuePath(issue), ...lineIssueKey(issue) }));

/** A save or import refused by core: its issues (with bounds) when it names fields. */
export function issuesOfError(error: unknown): LineIssue[] {
  if (!(error instanceof ApiError)) return [];
  const details = LineIssueDetails.safeParse(error.details);
  if (details.success) return details.data.fields;
  return (error.issues ?? []).map((issue) => ({ ...issue, params: {} }));
}

/** The rules a refused save or import pointed into, as the file or form wrote them. */
export function rulesOfError(error: unknown): LineIssueDetails['rules'] {
  if (!(error instanceof ApiError)) return [];
  const details = LineIssueDetails.safeParse(error.details);
  return details.success ? details.data.rules : [];
}

/** Looks up the first message for a field path; `under` also matches anything below it. */
export class IssueIndex {
  private readonly byPath = new Map<string, string>();

  constructor(
    t: TFunction,
    readonly issues: readonly LineIssue[],
  ) {
    for (const issue of issues) {
      const key = pathKey(issue.path);
      if (!this.byPath.has(key)) this.byPath.set(key, t(issue.messageKey, { ...issue.params, defaultValue: t('editorialLine.errors.invalid') }));
    }
  }

  at(path: Path): string | undefined {
    return this.byPath.get(pathKey(path));
  }

  /** Whether anything at or below `path` is wrong (to mark a rule card). */
  under(path: Path): boolean {
    const prefix = pathKey(path);
    for (const key of this.byPath.keys()) if (key === prefix || key.startsWith(`${prefix}.`)) return true;
    return false;
  }
}
