import { z } from 'zod';

export const outboxStates = ['queued', 'sending', 'done', 'failed', 'cancelled'] as const;
export const OutboxState = z.enum(outboxStates);
export type OutboxState = z.infer<typeof OutboxState>;

/** What the UI sees of an outbox job: never its payload (it may hold message bodies). */
export const OutboxJobView = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  notBefore: z.number().int(),
  lastError: z.string().nullable(),
  /** A short description for the UI: the post it concerns, when there is one. */
  postId: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});
export type OutboxJobView = z.infer<typeof OutboxJobView>;
