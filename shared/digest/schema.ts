import { z } from 'zod';
import { MailFailure } from '../mail/failure';
import { OutboxState } from '../signoff/outboxJob';
import { DigestFrequency, DigestPeriod } from './period';

export const DigestSettings = z.object({ partnerId: z.string(), frequency: DigestFrequency });
export type DigestSettings = z.infer<typeof DigestSettings>;

/** The exact email the partner would receive for the last ended period, as composed now. */
export const DigestPreview = z.object({
  partnerId: z.string(),
  frequency: DigestFrequency,
  period: DigestPeriod,
  /** The partner's sign-off address ('' when none: nothing would be sent). */
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type DigestPreview = z.infer<typeof DigestPreview>;

/** "Send now": the job of the last ended period, queued now or found already queued or sent. */
export const DigestSendNow = z.object({ periodKey: z.string(), state: OutboxState, alreadyQueued: z.boolean() });
export type DigestSendNow = z.infer<typeof DigestSendNow>;

/** A digest that left (the digest log): the partner-level record of what was sent. */
export const DigestSent = z.object({ periodKey: z.string(), to: z.string(), messageId: z.string(), sentAt: z.number().int() });
export type DigestSent = z.infer<typeof DigestSent>;

/** A digest that has not reached the partner yet (or failed for good), for the Envoi page. */
export const DigestEmailWaiting = z.object({
  jobId: z.number().int(),
  partnerId: z.string(),
  partnerName: z.string(),
  to: z.string(),
  periodKey: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  nextTryAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** Why it has not left yet, for the UI to translate (`lastError` is its stored form). */
  failure: MailFailure.nullable(),
  createdAt: z.number().int(),
});
export type DigestEmailWaiting = z.infer<typeof DigestEmailWaiting>;
