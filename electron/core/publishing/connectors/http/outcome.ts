import type { Outcome } from '../../../../../shared/publishing/port';
import { PublishFailure } from './publishFailure';
import { isTransportError, transportError } from './transportError';

/**
 * A connector's boundary: runs its steps and turns whatever they throw into an outcome.
 * Anything unforeseen (a library error, a bug) is reported as retryable with an unknown
 * outcome, so the outbox looks the post up before it ever sends it again.
 */
export async function toOutcome<T>(steps: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await steps() };
  } catch (error) {
    if (error instanceof PublishFailure) return { ok: false, error: error.error };
    if (isTransportError(error)) return { ok: false, error: transportError(error, true) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'retryable', status: 0, networkMessage: `Unexpected failure: ${message}`, outcomeUnknown: true } };
  }
}
