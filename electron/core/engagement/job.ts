import { z } from 'zod';
import { ReadingPoint, readingPoints } from '../../../shared/engagement/figures';
import { POST_ANALYTICS_SCOPE } from '../../../shared/engagement/linkedinPostAnalytics';
import type { CredentialErrorCode } from '../../../shared/credentials/errors';
import { ApiNetwork } from '../../../shared/publishing/port';
import type { Outcome, PublishCredentials } from '../../../shared/publishing/port';
import type { PublishError } from '../../../shared/publishing/publishError';
import type { Clock } from '../clock';
import { failureCode } from '../credentials/failure';
import { passingCredentialOutcome } from '../outbox/credentialOutcome';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { JobContext, JobHandler, JobOutcome } from '../outbox/handler';
import type { PublishingAccounts } from '../publishing/deps';
import type { ReadEngagement } from './readers/registry';
import type { ReadRequest, ReadResult } from './readers/port';
import type { EngagementRepository, TrackedPublication } from './repository';

export const ENGAGEMENT_KIND = 'engagement';

export const EngagementPayload = z.object({ publicationId: z.number().int(), postId: z.string(), point: ReadingPoint });
export type EngagementPayload = z.infer<typeof EngagementPayload>;

/** What reading needs of the credentials feature (AccountService provides it). */
export interface EngagementAccounts extends PublishingAccounts {
  flagRefused(id: string, code: CredentialErrorCode): void;
  grantedScopes(id: string): string[] | null;
  withdrawScope(id: string, scope: string): void;
}

export interface EngagementJobDeps {
  repository: EngagementRepository;
  accounts: EngagementAccounts;
  read: ReadEngagement;
  clock: Clock;
  events: EventBus;
  log: Logger;
}

/**
 * One scheduled reading of one publication's figures, as an outbox job (so it waits while
 * offline, honours Retry-After and backs off). Its answer is a row per metric; a deleted post
 * stops its later readings; a refused credential (401 even after renewing) flags the account
 * and tells the user, as publishing does.
 */
export class EngagementJob implements JobHandler {
  constructor(private readonly deps: EngagementJobDeps) {}

  async run(payload: unknown, context: JobContext): Promise<JobOutcome> {
    const parsed = EngagementPayload.safeParse(payload);
    if (!parsed.success) return { outcome: 'failed', error: 'Malformed engagement job' };
    const publication = this.deps.repository.publication(parsed.data.publicationId);
    if (!publication || publication.remoteId === null) return { outcome: 'done', result: { skipped: 'publication gone' } };
    if (publication.tracking === 'deleted' || publication.tracking === 'stopped') return { outcome: 'done', result: { skipped: publication.tracking } };
    // Back after a long time offline: a later reading is due too, and this one would read the same figures.
    const index = readingPoints.findIndex((point) => point.key === parsed.data.point);
    const later = readingPoints[index + 1];
    if (later !== undefined && context.now >= publication.publishedAt + later.afterMs) return { outcome: 'done', result: { skipped: 'superseded' } };
    const network = ApiNetwork.safeParse(publication.network);
    if (!network.success || publication.accountId === null) return { outcome: 'done', result: { skipped: 'no API account' } };
    const accountId = publication.accountId;

    let request: ReadRequest;
    try {
      const found = await this.deps.accounts.publishingCredentials(accountId);
      request = { ...this.request(network.data, publication.remoteId, found.account, found.secret), grantedScopes: this.deps.accounts.grantedScopes(accountId) };
    } catch (error) {
      return this.credentialOutcome(publication, error);
    }
    let outcome = await this.kept(accountId, this.deps.read(request));
    if (!outcome.ok && outcome.error.kind === 'auth' && request.credentials.kind === 'oauth') {
      // One renewal, one more try: a second refusal is the network's final word.
      try {
        const renewed = await this.deps.accounts.publishingCredentials(accountId, true);
        outcome = await this.kept(accountId, this.deps.read({ ...request, credentials: renewed.secret }));
      } catch (error) {
        return this.credentialOutcome(publication, error);
      }
    }
    if (!outcome.ok) return this.errorOutcome(publication, outcome.error);
    return this.recorded(publication, parsed.data.point, outcome.value, context.now);
  }

  private recorded(publication: TrackedPublication, point: ReadingPoint, result: ReadResult, now: number): JobOutcome {
    if (result.kind === 'deleted') {
      this.deps.repository.setTracking(publication.id, 'deleted', result.message, now);
      this.changed(publication);
      return { outcome: 'done', result: { deleted: true } };
    }
    this.deps.repository.record(publication.id, result.figures, now, 'api', point, now);
    if (result.postAnalytics === 'refused') this.analyticsRefused(publication);
    this.changed(publication);
    return { outcome: 'done', result: { metrics: Object.keys(result.figures).length } };
  }

  private request(network: ApiNetwork, remoteId: string, account: { id: string; handle: string; instanceUrl: string | null }, credentials: PublishCredentials): ReadRequest {
    return {
      network,
      remoteId,
      account: { id: account.id, handle: account.handle || account.id, ...(account.instanceUrl === null ? {} : { instanceUrl: account.instanceUrl }) },
      credentials,
    };
  }

  /** Keeps a Bluesky session the reader renewed, whatever the outcome. */
  private async kept<T>(accountId: string, pending: Promise<Outcome<T>>): Promise<Outcome<T>> {
    const outcome = await pending;
    if (outcome.session !== undefined) {
      await this.deps.accounts.keepBlueskySession(accountId, outcome.session).catch((error: unknown) => {
        this.deps.log.info(`Bluesky session not kept: ${failureCode(error)}`);
      });
    }
    return outcome;
  }

  private errorOutcome(publication: TrackedPublication, error: PublishError): JobOutcome {
    switch (error.kind) {
      case 'retryable':
        return { outcome: 'retry', error: describe(error), retryAfterMs: error.retryAfterMs };
      case 'auth':
        return this.stop(publication, 'token_revoked', describe(error));
      case 'permanent':
        return { outcome: 'failed', error: describe(error) };
      case 'offline':
        return { outcome: 'unreachable', error: 'Offline' };
    }
  }

  private credentialOutcome(publication: TrackedPublication, error: unknown): JobOutcome {
    const code = failureCode(error);
    return passingCredentialOutcome(code) ?? this.stop(publication, code, code);
  }

  /** LinkedIn refused the account's post analytics (scope revoked): no more asking, the user told; reactions go on. */
  private analyticsRefused(publication: TrackedPublication): void {
    if (publication.accountId !== null) this.deps.accounts.withdrawScope(publication.accountId, POST_ANALYTICS_SCOPE);
    this.deps.events.emit({ type: 'alert', messageKey: 'engagement.alerts.analyticsRefused', params: { network: publication.network }, severity: 'warning', postId: publication.postId });
  }

  /** The account's access was refused: flagged, readings stopped, the user told. */
  private stop(publication: TrackedPublication, code: CredentialErrorCode, message: string): JobOutcome {
    const now = this.deps.clock.now();
    if (publication.accountId !== null && code !== 'account_not_found') this.deps.accounts.flagRefused(publication.accountId, code);
    this.deps.repository.setTracking(publication.id, 'stopped', message, now);
    this.deps.events.emit({ type: 'alert', messageKey: 'engagement.alerts.accessRefused', params: { network: publication.network }, severity: 'error', postId: publication.postId });
    this.changed(publication);
    return { outcome: 'failed', error: message };
  }

  private changed(publication: TrackedPublication): void {
    this.deps.events.emit({ type: 'engagement.changed', postId: publication.postId });
  }
}

function describe(error: PublishError): string {
  if (error.kind === 'offline') return 'Offline';
  return error.status === 0 ? error.networkMessage : `${error.status} ${error.networkMessage}`;
}
