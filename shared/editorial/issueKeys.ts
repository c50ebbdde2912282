import type { z } from 'zod';

export type IssueParams = Record<string, string | number>;

/** A key a schema chose: `errors.x`, or a feature's `editorial.errors.x`, `calendar.errors.x`, `editorial.resolve.x`. */
const CHOSEN_KEY = /^(?:[a-z][A-Za-z]*\.)?(?:errors|resolve)(?:\.[A-Za-z]+)+$/u;

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : null);

/**
 * The i18n key and bounds of one zod issue on an editorial line, the same in the line editor
 * (live) and in core (on save and import). Keys the schemas chose are kept; zod's own
 * messages become `editorialLine.errors.*` keys with the bound to interpolate ("at most {{maximum}}").
 */
export function lineIssueKey(issue: z.core.$ZodIssue): { messageKey: string; params: IssueParams } {
  if (CHOSEN_KEY.test(issue.message)) return { messageKey: issue.message, params: {} };
  switch (issue.code) {
    case 'too_small': {
      const minimum = asNumber(issue.minimum) ?? 0;
      if (issue.origin === 'string') return minimum <= 1 ? { messageKey: 'editorialLine.errors.required', params: {} } : { messageKey: 'editorialLine.errors.tooShort', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return minimum <= 1 ? { messageKey: 'editorialLine.errors.empty', params: {} } : { messageKey: 'editorialLine.errors.tooFew', params: { minimum } };
      return { messageKey: 'editorialLine.errors.tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = asNumber(issue.maximum) ?? 0;
      if (issue.origin === 'string') return { messageKey: 'editorialLine.errors.tooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { messageKey: 'editorialLine.errors.tooMany', params: { maximum } };
      return { messageKey: 'editorialLine.errors.tooBig', params: { maximum } };
    }
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return { messageKey: 'editorialLine.errors.notANumber', params: {} };
      if (issue.input === undefined) return { messageKey: 'editorialLine.errors.required', params: {} };
      return { messageKey: 'editorialLine.errors.wrongType', params: { expected: issue.expected } };
    case 'invalid_union':
      return issue.path[issue.path.length - 1] === 'kind'
        ? { messageKey: 'editorialLine.errors.unknownKind', params: {} }
        : { messageKey: 'editorialLine.errors.invalid', params: {} };
    case 'invalid_value':
      return { messageKey: 'editorialLine.errors.notAChoice', params: { choices: issue.values.map(String).join(', ') } };
    default:
      return { messageKey: 'editorialLine.errors.invalid', params: {} };
  }
}

export const issuePath = (issue: z.core.$ZodIssue): (string | number)[] => issue.path.filter((p): p is string | number => typeof p !== 'symbol');
