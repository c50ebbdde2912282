import type { Network } from '../../../shared/posts/networks';
import type { LookupRequest, LookupResult, Outcome, PublishRequest, PublishResult } from '../../../shared/publishing/port';
import type { PublishError } from '../../../shared/publishing/publishError';
import { FIRST_COMMENT_INDEX } from '../threads/partsRepository';
import type { PublicationPartRepository } from '../threads/partsRepository';
import type { PublishingDeps } from './deps';
import type { Publication } from './repository';

/** Networks whose connector can send a reply (a thread's next part, a first comment). */
const REPLY_NETWORKS: readonly Network[] = ['mastodon', 'x', 'bluesky'];
/** Networks that take a first comment (LinkedIn: a comment through its Comments API, not a reply post). */
const COMMENT_NETWORKS: readonly Network[] = [...REPLY_NETWORKS, 'linkedin'];
export const canReply = (network: Network): boolean => REPLY_NETWORKS.includes(network);

/** One part's idempotency key: the post, the network, the part and the approved content. */
export const partKey = (postId: string, network: Network, index: number, approvedHash: string): string =>
  `thread:${postId}:${network}:${index === FIRST_COMMENT_INDEX ? 'comment' : String(index)}:${approvedHash}`;

export interface ChainInput {
  publication: Publication;
  /** The post's thread parts on this network, or its single text. */
  texts: readonly string[];
  firstComment: string | undefined;
  /** The request for the first part (media, account, credentials). */
  first: PublishRequest;
  reconcile: boolean;
}

export interface ChainIo {
  publish(request: PublishRequest): Promise<Outcome<PublishResult>>;
  lookup(request: LookupRequest): Promise<Outcome<LookupResult>>;
}

export type ChainResult =
  | { ok: true; remoteId: string; url: string | null; cid?: string | undefined }
  | { ok: false; error: PublishError }
  | { ok: false; unverifiable: string };

/**
 * Sends a post as a reply chain: part 0, then each part in reply to the one before, then the
 * first comment in reply to part 0. Each part is written `sending` (committed) before the
 * network is called and `published` with its remote id after, so a later run (a retry, or a
 * restart after a crash) skips what is recorded out and, for a part left `sending`, asks the
 * network first (the account's recent posts) — a part is never sent twice. A first comment that
 * fails is recorded and announced; the post itself stays published.
 */
export class ReplyChain {
  constructor(
    private readonly deps: PublishingDeps,
    private readonly parts: PublicationPartRepository,
  ) {}

  async send(input: ChainInput, io: ChainIo): Promise<ChainResult> {
    const { publication } = input;
    let root: { remoteId: string; url: string | null; cid?: string | undefined } | null = null;
    let parent: { remoteId: string; cid?: string | undefined } | null = null;
    for (const [index, text] of input.texts.entries()) {
      const request: PublishRequest = {
        ...input.first,
        text,
        idempotencyKey: partKey(publication.postId, publication.network, index, publication.approvedHash),
        media: index === 0 ? (input.first.media ?? []) : [],
        ...(parent === null || root === null ? {} : { replyTo: replyTo(parent, root) }),
      };
      // A part 0 sent by a run that kept no row (a crash before this code ran) is looked up too.
      const sent = await this.part(publication, index, request, io, index === 0 && (input.reconcile || publication.needsLookup));
      if (!sent.ok) return sent;
      parent = sent;
      root ??= sent;
    }
    if (root === null) return { ok: false, unverifiable: 'Nothing to send' };
    if (input.firstComment !== undefined) await this.comment(input, root, io);
    return { ok: true, remoteId: root.remoteId, url: root.url };
  }

  private async part(publication: Publication, index: number, request: PublishRequest, io: ChainIo, lookFirst: boolean): Promise<ChainResult> {
    const recorded = this.parts.get(publication.id, index);
    if (recorded?.state === 'published' && recorded.remoteId !== null) return { ok: true, remoteId: recorded.remoteId, url: recorded.url, cid: recorded.cid ?? undefined };
    if (recorded !== null || lookFirst) {
      const found = await io.lookup(withoutMedia(request));
      if (!found.ok) return { ok: false, error: found.error };
      if (found.value.kind === 'unknown') return { ok: false, unverifiable: found.value.reason };
      if (found.value.kind === 'found') {
        this.parts.sending(publication.id, index, request.idempotencyKey, this.deps.clock.now());
        this.parts.published(publication.id, index, found.value.remoteId, found.value.url, this.deps.clock.now(), found.value.cid);
        return { ok: true, remoteId: found.value.remoteId, url: found.value.url, cid: found.value.cid };
      }
    }
    this.parts.sending(publication.id, index, request.idempotencyKey, this.deps.clock.now());
    const outcome = await io.publish(request);
    // A failure leaves the part `sending`: the next run looks it up before sending it again.
    if (!outcome.ok) return { ok: false, error: outcome.error };
    this.parts.published(publication.id, index, outcome.value.remoteId, outcome.value.url, this.deps.clock.now(), outcome.value.cid);
    return { ok: true, remoteId: outcome.value.remoteId, url: outcome.value.url, cid: outcome.value.cid };
  }

  private async comment(input: ChainInput, root: { remoteId: string; cid?: string | undefined }, io: ChainIo): Promise<void> {
    const { publication } = input;
    const recorded = this.parts.get(publication.id, FIRST_COMMENT_INDEX);
    if (recorded?.state === 'published' || recorded?.state === 'failed' || input.firstComment === undefined) return;
    const request: PublishRequest = {
      ...input.first,
      text: input.firstComment,
      media: [],
      idempotencyKey: partKey(publication.postId, publication.network, FIRST_COMMENT_INDEX, publication.approvedHash),
      replyTo: replyTo(root, root),
    };
    const sent = COMMENT_NETWORKS.includes(publication.network)
      ? await this.part(publication, FIRST_COMMENT_INDEX, request, io, false)
      : ({ ok: false, unverifiable: `First comments are not sent to ${publication.network} yet` } as const);
    if (sent.ok) return;
    const message = 'error' in sent ? describe(sent.error) : sent.unverifiable;
    const now = this.deps.clock.now();
    if (this.parts.get(publication.id, FIRST_COMMENT_INDEX) === null) this.parts.sending(publication.id, FIRST_COMMENT_INDEX, request.idempotencyKey, now);
    this.parts.failed(publication.id, FIRST_COMMENT_INDEX, message, now);
    this.deps.log.info(`first comment of publication ${String(publication.id)} failed: ${message}`);
    const post = this.deps.posts.get(publication.postId);
    this.deps.events.emit({
      type: 'alert',
      messageKey: 'threads.alerts.firstCommentFailed',
      params: { title: post?.title ?? '', network: publication.network, error: message },
      severity: 'warning',
      postId: publication.postId,
    });
  }
}

/** A reply names its parent; Bluesky also the thread's root, each with its CID. */
function replyTo(parent: { remoteId: string; cid?: string | undefined }, root: { remoteId: string; cid?: string | undefined }): NonNullable<PublishRequest['replyTo']> {
  return {
    remoteId: parent.remoteId,
    ...(parent.cid === undefined ? {} : { cid: parent.cid }),
    root: { remoteId: root.remoteId, ...(root.cid === undefined ? {} : { cid: root.cid }) },
  };
}

function withoutMedia(request: PublishRequest): LookupRequest {
  const lookup: LookupRequest & { media?: unknown } = { ...request };
  delete lookup.media;
  return lookup;
}

function describe(error: PublishError): string {
  if (error.kind === 'offline') return 'Offline';
  return error.status === 0 ? error.networkMessage : `${String(error.status)} ${error.networkMessage}`;
}
