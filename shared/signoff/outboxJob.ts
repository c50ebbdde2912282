import { z } from 'zod';
import { MailFailure } from '../mail/failure';

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

/**
 * A sign-off email that has not left yet (or failed for good), as the Envoi page lists it:
 * for whom, about what, and why it waits (`failure`, which the UI translates: a server name
 * that does not resolve, a refused port, the server's own 5xx words…).
 */
export const SignoffEmailWaiting = z.object({
  jobId: z.number().int(),
  postId: z.string(),
  title: z.string(),
  partnerName: z.string(),
  to: z.string(),
  purpose: z.enum(['request', 'reminder']),
  state: OutboxState,
  attempts: z.number().int(),
  /** When the next try is due (queued) — null once it failed for good. */
  nextTryAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  failure: MailFailure.nullable(),
  /** The outbox's attempt limit: the job fails once `attempts` reaches it. */
  maxAttempts: z.number().int(),
  createdAt: z.number().int(),
});
export type SignoffEmailWaiting = z.infer<typeof SignoffEmailWaiting>;
