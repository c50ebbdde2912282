import { z } from 'zod';
import { DigestPeriod } from '../../../shared/digest/period';

/** The outbox kind of partner digests; they share the outbox and SMTP account of sign-off emails. */
export const DIGEST_EMAIL = 'digest.email';

/** One digest per partner per period, whatever the number of ticks or restarts. */
export const digestKey = (partnerId: string, periodKey: string): string => `digest:${partnerId}:${periodKey}`;

export const DigestPayload = z.object({
  partnerId: z.uuid(),
  period: DigestPeriod,
  messageId: z.string().regex(/^<[^<>\s]+@[^<>\s]+>$/),
});
export type DigestPayload = z.infer<typeof DigestPayload>;
