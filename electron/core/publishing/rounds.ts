import { keepStoredRevision } from '../posts/keepRevision';
import { randomUUID } from 'node:crypto';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { isApiNetwork } from '../../../shared/publishing/port';
import type { PublicationReason, PublicationTarget } from '../../../shared/publishing/publication';
import type { Actor } from '../../../shared/signoff/audit';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { decodeFailure } from '../../../shared/publishing/failure';
import { PUBLISH_KIND, SYSTEM, publishKey } from './deps';
import type { PublishingDeps } from './deps';
import type { Publication } from './repository';

/**
 * What an outbox job carries: which publication row, and what to do — send it, confirm that
 * the instance published what it held for later, or call that back. Everything else is read
 * afresh when the job runs.
 */
export interface PublishPayload {
  publicationId: number;
  postId: string;
  purpose: 'publish' | 'confirm' | 'cancel';
}

/** Far enough ahead, a Mastodon post is handed to the instance's scheduler; not further than this. */
export const REMOTE_HORIZON_MS = 24 * 60 * 60_000;

/** What the audit keeps of a failure: its cause (the history names it) and the network's own words. */
function failureDetails(error: string): { cause: string; said?: string } {
  const failure = decodeFailure(error);
  return { cause: failure?.cause ?? 'unknown', ...(failure?.said === undefined ? {} : { said: failure.said }) };
}

const channelOf = (actor: Actor) => (actor.kind === 'system' ? 'system' : 'app');

/**
 * Rounds of publication: starting one when a scheduled post comes due (one outbox job per
 * network with an API account, a manual publication for the others), recording each
 * network's outcome, and moving the post to published or failed once every network settled.
 * Callers hold the transaction.
 */
export class Rounds {
  constructor(private readonly deps: PublishingDeps) {}

  /** Each network of the post and the account it goes out as. */
  targets(post: Post): PublicationTarget[] {
    const chosen = this.deps.publications.targets(post.id);
    const accounts = this.deps.accounts.list(post.partnerId);
    return post.networks.map((network) => {
      const options = accounts.filter((a) => a.network === network);
      const only = options.length === 1 ? (options[0]?.id ?? null) : null;
      const picked = chosen.get(network);
      const accountId = picked === undefined ? only : picked;
      return {
        network,
        accountId: accountId !== null && options.some((a) => a.id === accountId) ? accountId : null,
        chosen: picked !== undefined,
        options: options.map((a) => ({ id: a.id, handle: a.handle || a.displayName, status: a.status })),
        apiAvailable: isApiNetwork(network),
      };
    });
  }

  /**
   * Starts publishing `post` now: re-checks that its content is exactly what was approved
   * (else the post fails, audited, and the community manager is alerted), then queues one
   * job per API network and awaits a manual publication for the others.
   */
  start(post: Post, now: number, actor: Actor = SYSTEM, early?: Network): boolean {
    const approved = this.deps.signoff.postSignoff(post.id)?.approvedHash ?? null;
    const hash = this.deps.revisionContent.hash(post);
    // Ahead of time nothing is refused: the start at the post's time does that, audited.
    if (early !== undefined && (approved === null || approved !== hash)) return false;
    if (approved === null || approved !== hash) {
      const reason: PublicationReason = approved === null ? 'notApproved' : 'contentChanged';
      this.deps.transitions.apply({
        post,
        event: 'publishFailed',
        actor: SYSTEM,
        channel: 'system',
        at: now,
        details: { reason, approvedHash: approved, currentHash: hash },
      });
      this.alert(`publishing.alerts.${reason}`, post, 'error', {});
      return false;
    }
    const targets = this.pending(post).filter((t) => early === undefined || (t.network === early && t.accountId !== null && t.apiAvailable));
    if (targets.length === 0) {
      if (early === undefined && this.deps.publications.active(post.id).length === 0) this.settle(post.id, null, now);
      return early === undefined;
    }
    const roundId = randomUUID();
    this.deps.transitions.apply({
      post,
      event: 'startPublishing',
      actor,
      channel: channelOf(actor),
      at: now,
      details: {
        roundId,
        scheduledAt: post.scheduledAt,
        networks: targets.map((t) => ({ network: t.network, accountId: t.accountId })),
        ...(early === undefined ? {} : { handedToInstance: true }),
      },
    });
    const dueAt = post.scheduledAt ?? now;
    for (const target of targets) {
      if (target.accountId !== null && target.apiAvailable) {
        const key = publishKey(roundId, target.network);
        const publicationId = this.deps.publications.insert(
          { postId: post.id, roundId, network: target.network, accountId: target.accountId, mode: 'api', outboxKey: key, state: 'queued', approvedHash: hash, dueAt },
          now,
        );
        const payload: PublishPayload = { publicationId, postId: post.id, purpose: 'publish' };
        this.deps.outbox.enqueue(PUBLISH_KIND, key, payload, now, now);
      } else {
        this.deps.publications.insert(
          { postId: post.id, roundId, network: target.network, accountId: target.accountId, mode: 'manual', outboxKey: null, state: 'awaiting_manual', approvedHash: hash, dueAt },
          now,
        );
        // The text rides along, so a notification can offer to copy it.
        this.alert('publishing.alerts.manualDue', post, 'warning', { network: networkLabels[target.network], networkId: target.network, text: finalTexts(post)[target.network] ?? '' });
      }
    }
    this.changed(post.id);
    return true;
  }

  /** Networks of the post not published yet and not under way in the current round. */
  pending(post: Post): PublicationTarget[] {
    const done = this.deps.publications.publishedNetworks(post.id);
    const active = new Set(this.deps.publications.active(post.id).map((p) => p.network));
    return this.targets(post).filter((target) => !done.has(target.network) && !active.has(target.network));
  }

  /** After its time, asks the instance whether it published what it held (and for the status URL). */
  confirm(publication: Publication, now: number): void {
    if (publication.outboxKey === null) return;
    const payload: PublishPayload = { publicationId: publication.id, postId: publication.postId, purpose: 'confirm' };
    this.deps.outbox.enqueue(PUBLISH_KIND, `${publication.outboxKey}:confirm`, payload, now, now);
  }

  published(publication: Publication, remoteId: string, url: string | null, now: number, actor: Actor = SYSTEM): void {
    this.deps.publications.markPublished(publication.id, remoteId, url, now);
    this.settle(publication.postId, { action: 'published', details: { network: publication.network, remoteId, url }, hash: publication.approvedHash, actor }, now);
  }

  failed(publication: Publication, error: string, reason: PublicationReason | null, now: number): void {
    this.deps.publications.markFailed(publication.id, error, reason, now);
    const post = this.deps.posts.get(publication.postId);
    if (post) this.alert('publishing.alerts.failed', post, 'error', { network: networkLabels[publication.network] });
    this.settle(
      publication.postId,
      { action: 'publishFailed', details: { network: publication.network, ...failureDetails(error), reason }, hash: publication.approvedHash, actor: SYSTEM },
      now,
    );
  }

  /** The round no longer applies (content edited, post withdrawn or moved): unsent jobs are called back. */
  close(postId: string, now: number): void {
    const closed = this.deps.publications.closeRound(postId, now);
    for (const publication of closed) {
      if (publication.outboxKey === null) continue;
      if (publication.state === 'queued') this.deps.outbox.cancel(publication.outboxKey, now);
      if (publication.state === 'scheduled_remote') {
        // The instance holds it for later: it must forget it, through the outbox like any call out.
        this.deps.outbox.cancel(`${publication.outboxKey}:confirm`, now);
        const payload: PublishPayload = { publicationId: publication.id, postId, purpose: 'cancel' };
        this.deps.outbox.enqueue(PUBLISH_KIND, `${publication.outboxKey}:cancel`, payload, now, now);
      }
    }
    // Only when something changed: this runs from the listener of the very event it emits.
    if (closed.length > 0) this.changed(postId);
  }

  /**
   * One network settled: its fact goes to the audit log; when it was the last one, the post
   * moves to published (every network) or failed (any refused), in the same entry when the
   * network's fact and the post's event agree.
   */
  private settle(postId: string, fact: { action: 'published' | 'publishFailed'; details: Record<string, unknown>; hash: string; actor: Actor } | null, now: number): void {
    const rows = this.deps.publications.active(postId);
    const open = rows.some((row) => row.state === 'queued' || row.state === 'scheduled_remote' || row.state === 'awaiting_manual');
    // What went out is a meaningful point of the history: kept as a revision (unless it is the newest), before facts name its number.
    if (fact?.action === 'published') keepStoredRevision(this.deps.posts, this.deps.events, postId, now);
    const post = this.deps.posts.get(postId);
    if (!post) return;
    const revision = fact ? { number: post.revisionCount, hash: fact.hash } : undefined;
    const closes = post.status === 'scheduled' && !open;
    const outcome = rows.every((row) => row.state === 'published') ? 'published' : 'publishFailed';
    if (fact && (!closes || fact.action !== outcome)) {
      this.deps.transitions.record(post, fact.action, fact.actor, channelOf(fact.actor), now, fact.details, revision);
    }
    if (closes) {
      const summary = {
        published: rows.filter((r) => r.state === 'published').map((r) => r.network),
        failed: rows.filter((r) => r.state === 'failed').map((r) => r.network),
      };
      const details = fact && fact.action === outcome ? { ...fact.details, ...summary } : summary;
      this.deps.transitions.apply({ post, event: outcome, actor: fact?.actor ?? SYSTEM, channel: channelOf(fact?.actor ?? SYSTEM), at: now, details, ...(revision ? { revision } : {}) });
      if (outcome === 'published') this.alert('publishing.alerts.published', post, 'info', {});
    }
    this.changed(postId);
  }

  changed(postId: string): void {
    this.deps.events.emit({ type: 'signoff.changed', postId });
    this.deps.events.emit({ type: 'outbox.changed' });
  }

  alert(messageKey: string, post: Post, severity: 'info' | 'warning' | 'error', params: Record<string, string | number>): void {
    this.deps.events.emit({ type: 'alert', messageKey, params: { title: post.title, ...params }, severity, postId: post.id });
  }
}

