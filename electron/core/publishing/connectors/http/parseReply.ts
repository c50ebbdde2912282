import type { z } from 'zod';
import { fail } from './publishFailure';
import type { HttpReply } from './send';

/**
 * Every 2xx reply is parsed with its schema. A reply we cannot read is retryable; on the call
 * that makes the post, its outcome is unknown (the network did answer "created").
 */
export function parseReply<S extends z.ZodType>(reply: HttpReply, schema: S, what: string, creates = false): z.output<S> {
  const parsed = schema.safeParse(reply.json);
  if (parsed.success) return parsed.data;
  return fail({
    kind: 'retryable',
    status: reply.status,
    networkMessage: `Unexpected reply to ${what}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    ...(creates ? { outcomeUnknown: true } : {}),
  });
}
