import { z } from 'zod';
import { CadenceFlag } from '../../digest/cadenceFlag';
import { DigestFrequency } from '../../digest/period';
import { DigestEmailWaiting, DigestPreview, DigestSendNow, DigestSent, DigestSettings } from '../../digest/schema';
import { PartnerId } from '../../partners/schema';
import { procedure } from '../procedure';

const none = z.object({}).strict();

/** The partner digest (issue 17): settings, preview, the outbox, and the cadence flag. */
export const digestProcedures = {
  'digest.settings': procedure(z.object({ partnerId: PartnerId }).strict(), DigestSettings),
  /** 'off' is the one-click opt-out. */
  'digest.setFrequency': procedure(z.object({ partnerId: PartnerId, frequency: DigestFrequency }).strict(), DigestSettings),
  'digest.preview': procedure(z.object({ partnerId: PartnerId }).strict(), DigestPreview),
  /** Queues the previewed digest now (same outbox key as the scheduler's: never a second copy of a period). */
  'digest.sendNow': procedure(z.object({ partnerId: PartnerId }).strict(), DigestSendNow),
  /** The partner's digests that left, oldest first (append-only digest log). */
  'digest.sent': procedure(z.object({ partnerId: PartnerId }).strict(), z.array(DigestSent)),
  /** Digests not yet delivered (queued, sending, failed), for the Envoi page. */
  'digest.queue': procedure(none, z.array(DigestEmailWaiting)),
  /** Partners silent past their cadence target (only those flagged). */
  'digest.cadenceFlags': procedure(none, z.array(CadenceFlag)),
} as const;
