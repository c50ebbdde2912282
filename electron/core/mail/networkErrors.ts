import { z } from 'zod';

/** Socket-level codes that mean "the other side cannot be reached now", not "it said no". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'NoConnection',
  'ETIMEOUT',
]);

/** The fields mail libraries put on their errors; parsed, since an error is a boundary too. */
export const MailErrorShape = z.object({
  code: z.string().optional(),
  responseCode: z.number().int().optional(),
  response: z.string().optional(),
  message: z.string().optional(),
  authenticationFailed: z.boolean().optional(),
  serverResponseCode: z.string().optional(),
  responseText: z.string().optional(),
  cause: z.unknown().optional(),
});
export type MailErrorShape = z.infer<typeof MailErrorShape>;

export function errorShape(error: unknown): MailErrorShape {
  const parsed = MailErrorShape.safeParse(error);
  return parsed.success ? parsed.data : {};
}

export function isUnreachable(error: unknown, depth = 0): boolean {
  const shape = errorShape(error);
  if (shape.code !== undefined && UNREACHABLE_CODES.has(shape.code)) return true;
  return depth < 3 && shape.cause !== undefined && isUnreachable(shape.cause, depth + 1);
}

/** One line for logs and the outbox's last_error: the remote's own words, never a secret. */
export function describeError(error: unknown): string {
  const shape = errorShape(error);
  const text = shape.response ?? shape.responseText ?? shape.message ?? 'unknown error';
  return [shape.code, text].filter((part) => part !== undefined && part !== '').join(': ').slice(0, 500);
}
