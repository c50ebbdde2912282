import type { z } from 'zod';
import { invalidRequest } from './publishFailure';

/** The port's input parsed at the connector's door (the outbox's rows are data from disk). */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  return invalidRequest(`Invalid publish request: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
}
