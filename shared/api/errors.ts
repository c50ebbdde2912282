import { z } from 'zod';
import { issueMessage, issuePath, oneIssuePerField } from './issueKeys';

/**
 * The one error shape every transport carries. `messageKey` is an i18n key the UI translates;
 * `message` is an English fallback for logs and CLIs. `details` never holds a secret.
 */
export const errorCodes = [
  'validation',
  'not_found',
  'conflict',
  'unknown_procedure',
  'unauthorized',
  'forbidden',
  'unavailable',
  /** The request, or the file it carries, is over what Plume takes (`details`: size and limit in bytes). */
  'too_large',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  messageKey: z.string(),
  /** Values the message names (the network expected, the one found…). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  messageKey: z.string(),
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly issues: FieldIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.messageKey = shape.messageKey;
    this.issues = shape.issues;
    this.details = shape.details;
  }

  toShape(): ApiErrorShape {
    return {
      code: this.code,
      messageKey: this.messageKey,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/**
 * Zod messages in our schemas are i18n keys; zod's own issues get keys that say what to do
 * (shared/api/issueKeys.ts). Bounds travel as params; one issue per field, the most useful.
 */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return oneIssuePerField(
    error.issues.map((issue) => {
      const { messageKey, params } = issueMessage(issue);
      return { path: issuePath(issue), messageKey, ...(Object.keys(params).length > 0 ? { params } : {}) };
    }),
  );
}

export function validationError(error: z.ZodError): ApiError {
  return new ApiError({
    code: 'validation',
    messageKey: 'errors.validation',
    message: `Invalid input: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    issues: issuesFromZod(error),
  });
}

export const Result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiErrorShape }),
  ]);
