import { ACCOUNT_INCOMPLETE } from '../../../../../shared/publishing/publishError';
import type { PublishError } from '../../../../../shared/publishing/publishError';

/**
 * Thrown inside a connector to stop at the first failed step; the connector's boundary turns
 * it back into an `{ ok: false, error }` outcome (see outcome.ts). It never leaves a connector.
 */
export class PublishFailure extends Error {
  constructor(readonly error: PublishError) {
    super(error.kind === 'offline' ? 'offline' : `${error.kind} ${error.status}: ${error.networkMessage}`);
    this.name = 'PublishFailure';
  }
}

export const fail = (error: PublishError): never => {
  throw new PublishFailure(error);
};

/** A request Plume itself cannot send (bad input, missing account field): same answer every time. */
export const invalidRequest = (message: string): never => fail({ kind: 'permanent', status: 0, networkMessage: message });

/** The account lacks what the network needs (LinkedIn's member id, an OAuth token): reconnecting it fixes that. */
export const accountIncomplete = (message: string): never =>
  fail({ kind: 'permanent', status: 0, networkMessage: message, networkCode: ACCOUNT_INCOMPLETE });
