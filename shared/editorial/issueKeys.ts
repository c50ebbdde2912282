import type { z } from 'zod';
import { issueMessage } from '../api/issueKeys';
import type { IssueMessage } from '../api/issueKeys';

export type { IssueParams } from '../api/issueKeys';
export { issuePath } from '../api/issueKeys';

/**
 * The i18n key and bounds of one zod issue on an editorial line, the same in the line editor
 * (live) and in core (on save and import): the app's own (shared/api/issueKeys.ts), and an
 * unknown rule kind said as such.
 */
export function lineIssueKey(issue: z.core.$ZodIssue): IssueMessage {
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'kind') return { messageKey: 'editorialLine.errors.unknownKind', params: {} };
  return issueMessage(issue);
}
