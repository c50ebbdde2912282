import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { LineIssueDetails } from '../../../shared/api/procedures/editorial';
import { oneIssuePerField } from '../../../shared/api/issueKeys';
import { issuePath, lineIssueKey } from '../../../shared/editorial/issueKeys';
import type { IssueParams } from '../../../shared/editorial/issueKeys';

export type Path = readonly (string | number)[];
export interface LineIssue {
  path: (string | number)[];
  messageKey: string;
  params: IssueParams;
}

export const pathKey = (path: Path): string => path.join('.');

/** Lists whose items are named by one of their fields: terms › 0 › term is « terme 1 ». */
const ITEM_OF: Partial<Record<string, string>> = { terms: 'term' };

/**
 * A field's path in words, counted from 1: « terme 1 » for terms › 0 › term (a list's item by
 * its own name and number), « terme 1 › remplacement », « obligatoires › 2 ».
 */
export function issueFieldPath(parts: Path, named: (field: string) => string): string {
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === undefined) continue;
    if (typeof part === 'number') {
      words.push(String(part + 1));
      continue;
    }
    const item = ITEM_OF[part];
    const index = parts[i + 1];
    if (item !== undefined && typeof index === 'number') {
      words.push(`${named(item)} ${String(index + 1)}`);
      i += parts[i + 2] === item ? 2 : 1;
    } else words.push(named(part));
  }
  return words.join(' › ');
}

/** Issues of a live parse of the draft, with the same keys core gives on save. */
export const issuesOfParse = (error: z.ZodError): LineIssue[] => oneIssuePerField(error.issues.map((issue) => ({ path: issuePath(issue), ...lineIssueKey(issue) })));

/** A save or import refused by core: its issues (with bounds) when it names fields. */
export function issuesOfError(error: unknown): LineIssue[] {
  if (!(error instanceof ApiError)) return [];
  const details = LineIssueDetails.safeParse(error.details);
  if (details.success) return details.data.fields;
  return (error.issues ?? []).map((issue) => ({ ...issue, params: issue.params ?? {} }));
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
      if (!this.byPath.has(key)) this.byPath.set(key, t(issue.messageKey, { ...issue.params, defaultValue: t('errors.invalid') }));
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
