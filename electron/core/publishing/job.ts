import { z } from 'zod';
import type { Post } from '../../../shared/posts/schema';
import type { LookupRequest, Outcome, PublishCredentials, PublishMedia, PublishRequest } from '../../../shared/publishing/port';
import { ACCOUNT_INCOMPLETE } from '../../../shared/publishing/publishError';
import type { PublishError } from '../../../shared/publishing/publishError';
import type { PublicationReason } from '../../../shared/publishing/publication';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { failureCode } from '../credentials/failure';
import { decodeFailure, encodeFailure } from '../../../shared/publishing/failure';
import type { FailureCause, TryFailure } from '../../../shared/publishing/failure';
import { networkLabels } from '../../../shared/posts/networks';
import { passingCredentialOutcome } from '../outbox/credentialOutcome';
import type { JobContext, JobHandler, JobOutcome } from '../outbox/handler';
import type { OutboxJob } from '../outbox/repository';
import { remoteScheduleFor } from './connectors/mastodon/connector';
import { canReply, ReplyChain } from './chain';
import { PublicationPartRepository } from '../threads/partsRepository';
import { effectiveFirstComments, effectiveThreads } from '../../../shared/threads/content';
import type { Network } from '../../../shared/posts/networks';
import type { PublishingDeps } from './deps';
import type { Publication } from './repository';
import type { Rounds } from './rounds';

const Payload = z.object({ publicationId: z.number().int(), postId: z.string(), purpose: z.enum(['publish', 'confirm', 'cancel']).default('publish') });
/** How long to wait before asking again an instance that has not yet published what it held. */
const CONFIRM_AGAIN_MS = 60_000;
/** What a job that reached the network leaves as its result. */
const Sent = z.object({ remoteId: z.string().min(1), url: z.string().nullable(), scheduledRemotely: z.boolean() });

type Refusal = { reason: PublicationReason; message: string };

const LINKEDIN_ID = /^[A-Za-z0-9_-]+$/u;
/** What connectors say when a reply's body says nothing (statusLine in http/statusError.ts). */
const STATUS_LINE = /^HTTP \d{3}\b/u;

/**
 * Sends one publication through its network's connector. The outbox has already written the
 * job `sending` (committed) before `run`; here, in order:
 *   1. the post must still be scheduled and hash to exactly what was approved — else refused;
 *   2. after a crash (`reconcile`) or a reply that left the outcome unknown, the network is
 *      asked whether it already holds this job's post before anything is sent again;
 *   3. the post is sent with the job's idempotency key; a 401 renews the token once and
 *      tries again; the outcome is classified for the outbox (retry with backoff or the
 *      network's Retry-After, failed with the network's own message, unreachable while offline).
 * `settled` records the outcome (remote id and URL, or the error) in the outbox's transaction.
 */
export class PublishJob implements JobHandler {
  /** Why Plume itself refused a job, read by `settled` right after `run` in this process. */
  private readonly refusals = new Map<number, PublicationReason>();

  private readonly chain: ReplyChain;

  constructor(
    private readonly deps: PublishingDeps,
    private readonly rounds: Rounds,
  ) {
    this.chain = new ReplyChain(deps, new PublicationPartRepository(deps.db));
  }

  async run(payload: unknown, context: JobContext): Promise<JobOutcome> {
    const parsed = Payload.safeParse(payload);
    if (!parsed.success) return { outcome: 'failed', error: encodeFailure({ cause: 'notSendable' }), detail: 'Malformed publication job' };
    if (parsed.data.purpose !== 'publish') return this.remote(parsed.data.publicationId, parsed.data.purpose, context);
    const publication = this.deps.publications.get(parsed.data.publicationId);
    // Called back meanwhile (edited, withdrawn, moved): nothing to send.
    if (!publication || publication.state !== 'queued' || !publication.active) return { outcome: 'done', result: { skipped: true } };
    const post = this.deps.posts.get(publication.postId);
    const refusal = this.refusal(post, publication);
    if (refusal !== null || !post) return this.refuse(context, refusal ?? { reason: 'contentChanged', message: 'The post no longer exists' });
    const text = finalTexts(post)[publication.network];
    if (text === undefined) return this.refuse(context, { reason: 'contentChanged', message: `The post no longer goes to ${publication.network}` });
    const media = this.media(post.id);
    if (media === null) return this.refuse(context, { reason: 'mediaMissing', message: 'An image of the post is missing from the data folder' });
    if (publication.accountId === null) return this.refuse(context, { reason: 'accountMissing', message: 'No account to publish with' });
    const chain = chainOf(post, publication.network);
    if (chain !== null && chain.texts.length > 1 && !canReply(publication.network)) {
      return this.refuse(context, { reason: 'unverifiable', message: `Threads are not sent to ${publication.network} yet: publish it by hand` });
    }

    // Handed to the instance ahead of time but sent too late for its scheduler: wait for the time itself.
    // A reply chain is never handed over: each part needs the id of the one before.
    if (publication.dueAt > context.now && (publication.network !== 'mastodon' || chain !== null || remoteScheduleFor(publication.dueAt, context.now) === undefined)) {
      return { outcome: 'retry', error: encodeFailure({ cause: 'notYet' }), detail: 'Waiting for the time of the post', retryAfterMs: publication.dueAt - context.now };
    }

    let credentials: PublishCredentials;
    let request: PublishRequest;
    try {
      const found = await this.deps.accounts.publishingCredentials(publication.accountId);
      credentials = found.secret;
      request = this.request(post, publication, text, media, found.account, found.externalId, credentials);
    } catch (error) {
      return this.credentialOutcome(context, publication, error);
    }

    if (chain !== null) return this.sendChain(context, publication, chain, request, credentials);

    if (context.reconcile || publication.needsLookup) {
      const lookup = await this.kept(publication, this.deps.connectors.lookup(withoutMedia(request)));
      if (!lookup.ok) return this.errorOutcome(context, publication, lookup.error);
      switch (lookup.value.kind) {
        case 'found':
          return { outcome: 'done', result: { remoteId: lookup.value.remoteId, url: lookup.value.url, scheduledRemotely: lookup.value.scheduledRemotely } };
        case 'unknown':
          return this.refuse(context, { reason: 'unverifiable', message: lookup.value.reason });
        case 'notFound':
          break;
      }
    }

    let outcome = await this.kept(publication, this.deps.connectors.publish(request));
    if (!outcome.ok && outcome.error.kind === 'auth' && credentials.kind === 'oauth') {
      // One renewal, one more try: a second 401 is the network's final word.
      const refused = outcome.error;
      try {
        const renewed = await this.deps.accounts.publishingCredentials(publication.accountId, true);
        outcome = await this.kept(publication, this.deps.connectors.publish({ ...request, credentials: renewed.secret }));
      } catch (error) {
        return this.credentialOutcome(context, publication, error, refused);
      }
    }
    if (outcome.ok) {
      return { outcome: 'done', result: { remoteId: outcome.value.remoteId, url: outcome.value.url, scheduledRemotely: outcome.value.scheduledRemotely } };
    }
    return this.errorOutcome(context, publication, outcome.error);
  }

  /** A thread or a post with a first comment: sent part by part (chain.ts). */
  private async sendChain(context: JobContext, publication: Publication, chain: { texts: string[]; firstComment: string | undefined }, request: PublishRequest, credentials: PublishCredentials): Promise<JobOutcome> {
    let current = credentials;
    const renewing = async <T>(call: (credentials: PublishCredentials) => Promise<Outcome<T>>): Promise<Outcome<T>> => {
      const outcome = await this.kept(publication, call(current));
      if (outcome.ok || outcome.error.kind !== 'auth' || current.kind !== 'oauth' || publication.accountId === null) return outcome;
      // One renewal, one more try, as for a single post.
      current = (await this.deps.accounts.publishingCredentials(publication.accountId, true)).secret;
      return this.kept(publication, call(current));
    };
    try {
      const result = await this.chain.send(
        { publication, texts: chain.texts, firstComment: chain.firstComment, first: { ...request, scheduledAt: undefined }, reconcile: context.reconcile },
        {
          publish: (part) => renewing((secret) => this.deps.connectors.publish({ ...part, credentials: secret })),
          lookup: (part) => renewing((secret) => this.deps.connectors.lookup({ ...part, credentials: secret })),
        },
      );
      if (result.ok) return { outcome: 'done', result: { remoteId: result.remoteId, url: result.url, scheduledRemotely: false } };
      if ('unverifiable' in result) return this.refuse(context, { reason: 'unverifiable', message: result.unverifiable });
      return this.errorOutcome(context, publication, result.error);
    } catch (error) {
      return this.credentialOutcome(context, publication, error);
    }
  }

  settled(job: OutboxJob, state: 'done' | 'failed'): void {
    const reason = this.refusals.get(job.id) ?? null;
    this.refusals.delete(job.id);
    const payload = Payload.safeParse(job.payload);
    if (!payload.success) return;
    const publication = this.deps.publications.get(payload.data.publicationId);
    if (!publication) return;
    const now = this.deps.clock.now();
    if (payload.data.purpose === 'cancel') {
      // The call-back is over: the post's panel and the Envoi page stop (or keep) showing it.
      if (state === 'failed') this.withdrawalFailed(publication);
      this.rounds.changed(publication.postId);
      return;
    }
    if (state === 'done') {
      const sent = Sent.safeParse(job.result);
      if (!sent.success) return;
      if (sent.data.scheduledRemotely) {
        this.deps.publications.markScheduledRemotely(publication.id, sent.data.remoteId, now);
        this.rounds.changed(publication.postId);
      } else {
        // Recorded even if the round was called back meanwhile: the network holds the post.
        this.rounds.published(publication, sent.data.remoteId, sent.data.url, now);
      }
      return;
    }
    if (publication.state !== 'queued' && publication.state !== 'scheduled_remote') return;
    this.rounds.failed(publication, job.lastError ?? encodeFailure({ cause: 'unknown' }), reason, now);
  }

  /** The instance kept refusing to delete what it held: the community manager must do it there. */
  private withdrawalFailed(publication: Publication): void {
    const post = this.deps.posts.get(publication.postId);
    if (!post) return;
    const instance = publication.accountId === null ? null : (this.deps.accounts.list(post.partnerId).find((a) => a.id === publication.accountId)?.instanceUrl ?? null);
    this.rounds.alert('publishing.alerts.withdrawFailed', post, 'error', { network: networkLabels[publication.network], instance: instance ?? '' });
  }

  /**
   * A status the instance held for later: confirm it was published (its id and URL), or
   * call it back. Neither sends the post itself.
   */
  private async remote(publicationId: number, purpose: 'confirm' | 'cancel', context: JobContext): Promise<JobOutcome> {
    const publication = this.deps.publications.get(publicationId);
    if (!publication || publication.remoteId === null || publication.accountId === null || publication.outboxKey === null) {
      return { outcome: 'done', result: { skipped: true } };
    }
    if (purpose === 'confirm' && (publication.state !== 'scheduled_remote' || !publication.active)) return { outcome: 'done', result: { skipped: true } };
    const post = this.deps.posts.get(publication.postId);
    const text = post ? finalTexts(post)[publication.network] : undefined;
    let request: LookupRequest;
    try {
      const found = await this.deps.accounts.publishingCredentials(publication.accountId);
      if (!post || text === undefined) return { outcome: 'done', result: { skipped: true } };
      request = withoutMedia(this.request(post, publication, text, [], found.account, found.externalId, found.secret));
    } catch (error) {
      return this.credentialOutcome(context, publication, error);
    }
    if (purpose === 'cancel') {
      const cancelled = await this.deps.connectors.cancelScheduled(request, publication.remoteId);
      // 404: the instance no longer holds it (already published, or deleted there).
      if (cancelled.ok || (cancelled.error.kind === 'permanent' && cancelled.error.status === 404)) return { outcome: 'done', result: { cancelled: true } };
      const outcome = this.errorOutcome(context, publication, cancelled.error);
      // Failing again: said once, while the worker keeps trying (and once more if it gives up).
      if (outcome.outcome === 'retry' && context.attempt === 2) this.withdrawalFailed(publication);
      if (outcome.outcome !== 'done') this.rounds.changed(publication.postId);
      return outcome;
    }
    const lookup = await this.kept(publication, this.deps.connectors.lookup(request));
    if (!lookup.ok) return this.errorOutcome(context, publication, lookup.error);
    switch (lookup.value.kind) {
      case 'found':
        if (lookup.value.scheduledRemotely) return { outcome: 'retry', error: encodeFailure({ cause: 'notYet' }), detail: 'The instance has not published it yet', retryAfterMs: CONFIRM_AGAIN_MS };
        return { outcome: 'done', result: { remoteId: lookup.value.remoteId, url: lookup.value.url, scheduledRemotely: false } };
      case 'notFound':
        return this.refuse(context, { reason: 'unverifiable', message: 'The instance no longer holds the scheduled post and shows no such status' });
      case 'unknown':
        return this.refuse(context, { reason: 'unverifiable', message: lookup.value.reason });
    }
  }

  /** Why this publication must not go out now, or null. */
  private refusal(post: Post | null, publication: Publication): Refusal | null {
    if (!post) return { reason: 'contentChanged', message: 'The post no longer exists' };
    if (post.status !== 'scheduled') return { reason: 'notApproved', message: `The post is ${post.status}, not scheduled` };
    const approved = this.deps.signoff.postSignoff(post.id)?.approvedHash ?? null;
    const hash = this.deps.revisionContent.hash(post);
    if (approved === null || approved !== hash || publication.approvedHash !== hash) {
      return { reason: 'contentChanged', message: 'The content differs from the approved version' };
    }
    return null;
  }

  private refuse(context: JobContext, refusal: Refusal): JobOutcome {
    this.refusals.set(context.jobId, refusal.reason);
    if (refusal.reason === 'contentChanged' || refusal.reason === 'notApproved') {
      this.deps.log.info(`publication job ${context.jobId} refused: ${refusal.message}`);
    }
    // The reason says why (translated); the English message is for plume.log.
    return { outcome: 'failed', error: encodeFailure({ cause: 'notSendable' }), detail: refusal.message };
  }

  private media(postId: string): PublishMedia[] | null {
    const media: PublishMedia[] = [];
    for (const item of this.deps.publications.postMedia(postId)) {
      const bytes = this.deps.media.get(item.sha256);
      if (bytes === null) return null;
      media.push({ bytes, mimeType: item.mimeType, alt: item.alt });
    }
    return media;
  }

  private request(
    post: Post,
    publication: Publication,
    text: string,
    media: PublishMedia[],
    account: { id: string; handle: string; instanceUrl: string | null },
    externalId: string,
    credentials: PublishCredentials,
  ): PublishRequest {
    const network = publication.network;
    if (network !== 'mastodon' && network !== 'bluesky' && network !== 'linkedin' && network !== 'x') throw new Error(`No API for ${network}`);
    const partner = this.deps.partners.get(post.partnerId);
    return {
      network,
      account: {
        id: account.id,
        handle: account.handle || externalId || account.id,
        ...(account.instanceUrl === null ? {} : { instanceUrl: account.instanceUrl }),
        ...(network === 'linkedin' && LINKEDIN_ID.test(externalId) ? { personUrn: `urn:li:person:${externalId}` } : {}),
      },
      credentials,
      text,
      media,
      idempotencyKey: publication.outboxKey ?? `publication:${publication.id}`,
      jobCreatedAt: publication.createdAt,
      scheduledAt: publication.dueAt,
      ...(partner ? { language: partner.locale } : {}),
    };
  }

  /** Keeps a Bluesky session the connector renewed, whatever the outcome. */
  private async kept<T>(publication: Publication, pending: Promise<Outcome<T>>): Promise<Outcome<T>> {
    const outcome = await pending;
    if (outcome.session !== undefined && publication.accountId !== null) {
      await this.deps.accounts.keepBlueskySession(publication.accountId, outcome.session).catch((error: unknown) => {
        this.deps.log.info(`Bluesky session not kept: ${failureCode(error)}`);
      });
    }
    return outcome;
  }

  private errorOutcome(context: JobContext, publication: Publication, error: PublishError): JobOutcome {
    const failure = this.failure(context, error);
    const detail = describe(error);
    switch (error.kind) {
      case 'retryable':
        // The network may hold the post already: the next try looks it up first.
        if (error.outcomeUnknown === true) this.deps.publications.setNeedsLookup(publication.id, true, context.now);
        return { outcome: 'retry', error: encodeFailure(failure), detail, retryAfterMs: error.retryAfterMs };
      case 'auth':
        this.refusals.set(context.jobId, 'credentials');
        // Every view of the account says so, as a connection test would.
        if (publication.accountId !== null) this.deps.accounts.flagRefused(publication.accountId, publication.network === 'bluesky' ? 'wrong_password' : 'token_revoked');
        return { outcome: 'failed', error: encodeFailure(failure), detail };
      case 'permanent':
        return { outcome: 'failed', error: encodeFailure(failure), detail };
      case 'offline':
        return { outcome: 'unreachable', error: encodeFailure(failure), detail };
    }
  }

  /** A credential step that will pass (token endpoint down, keychain locked): the cause the UI explains. */
  private credentialFailure(context: JobContext, code: string): TryFailure {
    switch (code) {
      case 'keychain_unavailable':
        return { cause: 'keychainLocked' };
      case 'rate_limited':
        return { cause: 'rateLimited' };
      case 'server_error':
        return this.failure(context, { kind: 'retryable', status: 500, networkMessage: '' });
      default:
        return this.failure(context, { kind: 'retryable', status: 0, networkMessage: '' });
    }
  }

  /** The cause of a failed try, the network's own words, and since when the network has been unreachable. */
  private failure(context: JobContext, error: PublishError): TryFailure {
    const cause = causeOf(error);
    const words = error.kind !== 'offline' && error.status >= 100 && cause !== 'unexpectedReply' ? error.networkMessage.trim() : '';
    // A bare status line (an HTML error page) says nothing the cause does not.
    const said = STATUS_LINE.test(words) ? '' : words.slice(0, 500);
    const failure: TryFailure = { cause, ...(said === '' ? {} : { said }) };
    if (cause !== 'unreachable' && cause !== 'noAnswer' && cause !== 'serverError' && cause !== 'offline') return failure;
    const before = decodeFailure(this.deps.outboxJobs.get(context.jobId)?.lastError ?? null);
    return { ...failure, since: before?.cause === cause ? (before.since ?? context.now) : context.now };
  }

  private credentialOutcome(context: JobContext, publication: Publication, error: unknown, networkError?: PublishError): JobOutcome {
    const code = failureCode(error);
    const passing = passingCredentialOutcome(code);
    if (passing) return passing.outcome === 'retry' || passing.outcome === 'unreachable' ? { ...passing, error: encodeFailure(this.credentialFailure(context, code)), detail: code } : passing;
    this.refusals.set(context.jobId, code === 'account_not_found' ? 'accountMissing' : 'credentials');
    // A token the network refused and Plume could not renew: the account needs a new sign-in.
    if (code !== 'account_not_found' && publication.accountId !== null) this.deps.accounts.flagRefused(publication.accountId, code);
    return { outcome: 'failed', error: encodeFailure(networkError ? this.failure(context, networkError) : { cause: 'auth' }), detail: networkError ? `${describe(networkError)} (${code})` : code };
  }
}

/** The cause the UI explains, from the outbox's kind and the network's status. */
function causeOf(error: PublishError): FailureCause {
  switch (error.kind) {
    case 'offline':
      return 'offline';
    case 'auth':
      return 'auth';
    case 'permanent':
      if (error.status === 0) return error.networkCode === ACCOUNT_INCOMPLETE ? 'accountIncomplete' : 'notSendable';
      return error.status === 403 ? 'forbidden' : 'rejected';
    case 'retryable':
      if (error.status === 0) return error.outcomeUnknown === true ? 'noAnswer' : 'unreachable';
      if (error.status === 429) return 'rateLimited';
      if (error.status < 300) return 'unexpectedReply';
      return 'serverError';
  }
}

/**
 * The parts a publication sends when it is more than one post: the thread's parts (which
 * replace the single text), and the first comment; null for a plain single post.
 */
function chainOf(post: Post, network: Network): { texts: string[]; firstComment: string | undefined } | null {
  const parts = effectiveThreads(post)[network];
  const firstComment = effectiveFirstComments(post)[network];
  if (parts === undefined && firstComment === undefined) return null;
  const text = finalTexts(post)[network];
  return { texts: parts ?? (text === undefined ? [] : [text]), firstComment };
}

function withoutMedia(request: PublishRequest): LookupRequest {
  return {
    network: request.network,
    account: request.account,
    credentials: request.credentials,
    text: request.text,
    idempotencyKey: request.idempotencyKey,
    jobCreatedAt: request.jobCreatedAt,
    ...(request.scheduledAt === undefined ? {} : { scheduledAt: request.scheduledAt }),
    ...(request.language === undefined ? {} : { language: request.language }),
  };
}

/** For plume.log only: the network's own words, with its status when there was one. */
function describe(error: PublishError): string {
  if (error.kind === 'offline') return 'Offline';
  return error.status === 0 ? error.networkMessage : `${error.status} ${error.networkMessage}`;
}
