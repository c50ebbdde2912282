import type { Clock } from '../../clock';
import type { ApiNetwork, LookupRequest, LookupResult, Outcome, PublishRequest, PublishResult } from '../../../../shared/publishing/port';

/**
 * One network behind the publication port. Neither method throws: every failure comes back
 * as a classified PublishError (shared/publishing/publishError.ts).
 *
 * - publish: sends the post (media first), or, on Mastodon, hands it to the instance's own
 *   scheduler when `scheduledAt` is far enough ahead.
 * - lookup: whether this job's post is already on the network — call it after a crash or an
 *   `outcomeUnknown` failure, before publishing again.
 */
export interface Connector {
  readonly network: ApiNetwork;
  publish(request: PublishRequest): Promise<Outcome<PublishResult>>;
  lookup(request: LookupRequest): Promise<Outcome<LookupResult>>;
}

/** What connectors take from outside, so tests can drive them without sleeping or the internet. */
export interface ConnectorEnvironment {
  fetch: typeof globalThis.fetch;
  clock: Clock;
  /** Waits between media-processing polls. */
  sleep: (ms: number) => Promise<void>;
  /** Per HTTP request. */
  timeoutMs: number;
}
