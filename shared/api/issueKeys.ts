import { z } from 'zod';

export type IssueParams = Record<string, string | number>;

export interface IssueMessage {
  messageKey: string;
  params: IssueParams;
}

/**
 * A key a schema chose: `errors.x`, or a feature's `editorial.errors.x`, `calendar.errors.x`,
 * `editorial.resolve.x`; optionally with the values it names, as a query (see keyWithParams).
 */
const CHOSEN_KEY = /^((?:[a-z][A-Za-z]*\.)?(?:errors|resolve)(?:\.[A-Za-z]+)+)(?:\?(.*))?$/u;

/**
 * A schema's message naming values the zod issue does not carry: « Entre 1 et 65535. » needs
 * both bounds, a too_small issue has only its minimum.
 */
export const keyWithParams = (key: string, params: IssueParams): string =>
  `${key}?${new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, String(value)])).toString()}`;

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : null);

const decoded = (query: string | undefined): IssueParams =>
  Object.fromEntries([...new URLSearchParams(query ?? '')].map(([name, value]) => [name, value !== '' && Number.isFinite(Number(value)) ? Number(value) : value]));

/** The bound a size issue names, whatever key says it. */
function boundsOf(issue: z.core.$ZodIssue): IssueParams {
  if (issue.code === 'too_small') return { minimum: asNumber(issue.minimum) ?? 0 };
  if (issue.code === 'too_big') return { maximum: asNumber(issue.maximum) ?? 0 };
  return {};
}

/** zod's own issue in words that say what to do: the bound to respect, or that the field is required. */
function ownKey(issue: z.core.$ZodIssue): IssueMessage {
  switch (issue.code) {
    case 'too_small': {
      const minimum = asNumber(issue.minimum) ?? 0;
      if (issue.origin === 'string') return minimum <= 1 ? { messageKey: 'errors.required', params: {} } : { messageKey: 'errors.tooShort', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return minimum <= 1 ? { messageKey: 'errors.empty', params: {} } : { messageKey: 'errors.tooFew', params: { minimum } };
      return { messageKey: 'errors.tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = asNumber(issue.maximum) ?? 0;
      if (issue.origin === 'string') return { messageKey: 'errors.tooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { messageKey: 'errors.tooMany', params: { maximum } };
      return { messageKey: 'errors.tooBig', params: { maximum } };
    }
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return { messageKey: 'errors.notANumber', params: {} };
      if (issue.input === undefined) return { messageKey: 'errors.required', params: {} };
      return { messageKey: 'errors.wrongType', params: { expected: issue.expected } };
    case 'invalid_value':
      return { messageKey: 'errors.notAChoice', params: { choices: issue.values.map(String).join(', ') } };
    default:
      return { messageKey: 'errors.invalid', params: {} };
  }
}

/**
 * The i18n key and values of one zod issue, the same in every form and in core: the key a
 * schema chose (with the bound of a size issue, so « {{maximum}} caractères au plus » can name
 * it), else zod's own issue in words.
 */
export function issueMessage(issue: z.core.$ZodIssue): IssueMessage {
  const chosen = CHOSEN_KEY.exec(issue.message);
  if (chosen?.[1] !== undefined) return { messageKey: chosen[1], params: { ...boundsOf(issue), ...decoded(chosen[2]) } };
  return ownKey(issue);
}

export const issuePath = (issue: z.core.$ZodIssue): (string | number)[] => issue.path.filter((p): p is string | number => typeof p !== 'symbol');

/**
 * One message per field, the most useful: that a required field is empty comes before what
 * its text should contain (an empty term is not also « without a letter »); otherwise the first.
 */
export function oneIssuePerField<T extends { path: readonly (string | number)[]; messageKey: string }>(issues: readonly T[]): T[] {
  const byField = new Map<string, T>();
  for (const issue of issues) {
    const field = issue.path.join('\u0000');
    const kept = byField.get(field);
    if (kept === undefined || (issue.messageKey.endsWith('.required') && !kept.messageKey.endsWith('.required'))) byField.set(field, issue);
  }
  return issues.filter((issue) => byField.get(issue.path.join('\u0000')) === issue);
}

/**
 * A whole number from `min` to `max`; whatever is wrong with it (not a number, a fraction, out
 * of range), its one message names both bounds: « Entre 1 et 65535. »
 */
export function wholeNumberBetween(min: number, max: number, key = 'errors.between') {
  const error = keyWithParams(key, { minimum: min, maximum: max });
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}
