import type { PublicationJob, PublicationState, Withdrawal } from '../../../shared/publishing/publication';

/** What a publication's row says: its state, or the outbox job's while it runs, or the call-back of what an instance held. */
export type ShownState = PublicationState | 'sending' | 'withdrawing' | 'withdrawFailed';

/** Tries after which a call-back still refused is shown as failed (Plume keeps trying meanwhile). */
const WITHDRAW_TRIES_SHOWN = 2;

export function shownState(publication: { state: PublicationState; job: PublicationJob | null; withdrawal: Withdrawal | null }): ShownState {
  const { withdrawal } = publication;
  if (withdrawal !== null) return withdrawal.state === 'failed' || withdrawal.attempts >= WITHDRAW_TRIES_SHOWN ? 'withdrawFailed' : 'withdrawing';
  return publication.state === 'queued' && publication.job?.state === 'sending' ? 'sending' : publication.state;
}
