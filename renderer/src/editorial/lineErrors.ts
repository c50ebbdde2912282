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
 * A list's item named by what it holds, if the list says so: a length target by its network
 * (« X »), whose `max` is the target itself. Returns the item's name and the field within the
 * item that this name already says (skipped from the path), or undefined to count it.
 */
export type ItemNamer = (list: string, index: number) => { name: string; itself?: string } | undefined;

/**
 * A field's path in words, counted from 1: « terme 1 » for terms › 0 › term (a list's item by
 * its own name and number), « terme 1 › remplacement », « obligatoires › 2 », « X » for
 * targets › 1 › max when `item` names the second target by its network.
 */
export function issueFieldPath(parts: Path, named: (field: string) => string, item?: ItemNamer): string {
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === undefined) continue;
    if (typeof part === 'number') {
      words.push(String(part + 1));
      continue;
    }
    const index = parts[i + 1];
    const own = typeof index === 'number' ? item?.(part, index) : undefined;
    if (own !== undefined) {
      words.push(own.name);
      i += own.itself !== undefined && parts[i + 2] === own.itself ? 2 : 1;
      continue;
    }
    const itemField = ITEM_OF[part];
    if (itemField !== undefined && typeof index === 'number') {
      words.push(`${named(itemField)} ${String(index + 1)}`);
      i += parts[i + 2] === itemField ? 2 : 1;
    } else words.push(named(part));
  }
  return words.join(' › ');
}

/** Words that keep their capital after « : » (names); any other message starts in lower case there. */
const PROPER = /^(?:Plume|LinkedIn|Mastodon|Bluesky|Facebook|Instagram|Threads|X|UTM|URL|HTTPS?)\b/u;

/** A message as it reads after « champ : »: « au moins 0. » (French and English both write it so). */
export function afterColon(message: string): string {
  if (PROPER.test(message)) return message;
  const first = message.charAt(0);
  const second = message.charAt(1);
  // An acronym (« UTM… ») or a one-letter word in capitals keeps its case.
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return message;
  return first.toLowerCase() + message.slice(1);
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
