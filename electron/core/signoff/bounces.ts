import type { AuditEntry } from '../../../shared/signoff/audit';
import type { SignoffRequestView } from '../../../shared/signoff/schema';
import { bounceCause } from './deliveryFailures';
import type { BounceCause } from './deliveryFailures';

/** A request email returned by the partner's mail server (deliveryFailures.ts): why, the server's words, when. */
export interface Bounce {
  cause: BounceCause;
  diagnostic: string;
  at: number;
}

/**
 * How a bounce travels in a view's `lastError` (an email's stored error otherwise): `bounce:`
 * and its cause. The renderer reads it back with its own schema (renderer/src/signoff/bounce.ts).
 */
export const BOUNCE_PREFIX = 'bounce:';

/** The last bounce of one request's emails in a post's history, null when none came back. */
export function bounceOf(history: readonly AuditEntry[], requestId: string): Bounce | null {
  const entry = history.findLast((e) => e.action === 'replyReceived' && e.details.reason === 'deliveryFailed' && e.details.requestId === requestId);
  if (!entry) return null;
  const diagnostic = typeof entry.details.diagnostic === 'string' ? entry.details.diagnostic : '';
  const stored = entry.details.bounce;
  const cause: BounceCause = stored === 'unknownAddress' || stored === 'refused' ? stored : bounceCause(diagnostic);
  return { cause, diagnostic, at: entry.at };
}

/**
 * A request email that left but came back: it never reached the partner, so it reads as
 * failed, with the server's words kept as its reply (shown as a quote, never as Plume's sentence).
 */
export function bounceView(sent: SignoffRequestView['email'], bounce: Bounce): SignoffRequestView['email'] {
  return {
    ...sent,
    state: 'failed',
    lastError: `${BOUNCE_PREFIX}${bounce.cause}`,
    failure: { reason: 'rejected', ...(bounce.diagnostic === '' ? {} : { response: bounce.diagnostic.slice(0, 500) }) },
  };
}
