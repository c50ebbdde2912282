import { z } from 'zod';
import type { AuditEntry } from '../../../shared/signoff/audit';

/**
 * A request e-mail the partner's server returned, as core marks it in an e-mail's `lastError`
 * (electron/core/signoff/bounces.ts, `bounce:` and its cause): parsed here, never trusted as is.
 */
const BouncedError = z.enum(['bounce:unknownAddress', 'bounce:refused']).transform((marker) => (marker === 'bounce:unknownAddress' ? 'unknownAddress' : 'refused'));
export type BounceCause = z.output<typeof BouncedError>;

/** Why the e-mail came back, or null when it did not (sent, waiting, failed to leave). */
export const bounceOf = (email: { lastError: string | null }): BounceCause | null => {
  const parsed = BouncedError.safeParse(email.lastError);
  return parsed.success ? parsed.data : null;
};

const Cause = z.enum(['unknownAddress', 'refused']);

/** A history entry that is a bounce, not a reply (deliveryFailures.ts): its cause, or null. */
export function bounceFact(entry: Pick<AuditEntry, 'action' | 'details'>): BounceCause | null {
  if (entry.action !== 'replyReceived' || entry.details.reason !== 'deliveryFailed') return null;
  const cause = Cause.safeParse(entry.details.bounce);
  // Entries from before the cause was recorded: the server refused it, that much is known.
  return cause.success ? cause.data : 'refused';
}
