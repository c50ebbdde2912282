import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { mediaProblems, sniffImageType } from '../../../shared/publishing/mediaLimits';
import { MAX_UPLOAD_BYTES, MISSED_SHOWN, QUEUE_SHOWN } from '../../../shared/publishing/publication';
import type {
  AttachMediaInput,
  ManualDoneInput,
  MediaAltInput,
  MissedDecisionInput,
  PostPublication,
  PublicationQueue,
  PublicationSettings,
  PublicationView,
  SetTargetInput,
} from '../../../shared/publishing/publication';
import { decodeFailure } from '../../../shared/publishing/failure';
import { parsePublishedUrl } from '../../../shared/publishing/publishedUrl';
import { networkLabels } from '../../../shared/posts/networks';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { effectiveFirstComments, effectiveThreads } from '../../../shared/threads/content';
import { notFound } from '../errors';
import { CM, GRACE_SETTING } from './deps';
import type { PublishingDeps } from './deps';
import type { Rounds } from './rounds';
import type { PublicationStep } from './step';

const PORT_MAX_MEDIA = 4;

const invalid = (path: string, messageKey: string, message: string, params?: Record<string, string>): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.validation', message, issues: [{ path: [path], messageKey, ...(params ? { params } : {}) }] });

const conflict = (messageKey: string, message: string): ApiError => new ApiError({ code: 'conflict', messageKey, message });

/** States in which what goes out (images, accounts) is frozen: approved, on its way, or out. */
const locked = (post: Post): boolean => post.status === 'approved' || post.status === 'scheduled' || post.status === 'published';

/** What the UI asks of publishing: the panel of a post, its images and accounts, decisions, the queue. */
import { PartsView } from '../threads/partsView';
import { PublicationPartRepository } from '../threads/partsRepository';

export class PublicationService {
  constructor(
    private readonly deps: PublishingDeps,
    private readonly rounds: Rounds,
    private readonly step: PublicationStep,
  ) {
    this.partsView = new PartsView(new PublicationPartRepository(deps.db));
  }

  private readonly partsView: PartsView;

  status(postId: string): PostPublication {
    const post = this.post(postId);
    const publications = this.deps.publications.shown(postId);
    const accounts = new Map(this.deps.accounts.list(post.partnerId).map((a) => [a.id, a]));
    const media = this.deps.publications.postMedia(postId);
    const texts = finalTexts(post);
    // The approved parts, as sign-off hashes them: by hand, each is posted as the previous one's reply.
    const threads = effectiveThreads(post);
    const firstComments = effectiveFirstComments(post);
    const composeUrls: Partial<Record<Network, string>> = {};
    for (const publication of publications) {
      const text = threads[publication.network]?.[0] ?? texts[publication.network];
      if (publication.mode !== 'manual' || text === undefined) continue;
      const instance = publication.accountId === null ? null : (accounts.get(publication.accountId)?.instanceUrl ?? null);
      composeUrls[publication.network] = this.deps.connectors.manual(publication.network, text, instance ?? undefined).composeUrl;
    }
    return {
      postId,
      status: post.status,
      scheduledAt: post.scheduledAt,
      scheduledZone: post.scheduledZone,
      // A post's partner always exists (foreign key); the fallbacks only satisfy the type.
      partnerZone: this.deps.partners.get(post.partnerId)?.timeZone ?? post.scheduledZone ?? 'UTC',
      targets: this.rounds.targets(post),
      publications: publications.map((p): PublicationView => ({
        id: p.id,
        network: p.network,
        accountId: p.accountId,
        accountHandle: p.accountId === null ? null : (accounts.get(p.accountId)?.handle ?? null),
        mode: p.mode,
        state: p.state,
        job: p.job,
        dueAt: p.dueAt,
        remoteId: p.remoteId,
        url: p.url,
        failure: p.state === 'failed' ? decodeFailure(p.error) : null,
        reason: p.reason,
        withdrawal: p.withdrawal,
        publishedAt: p.publishedAt,
        ...this.partsView.of(p.id),
      })),
      media,
      mediaProblems: mediaProblems(post.networks, media),
      texts,
      composeUrls,
      threads,
      firstComments,
      locked: locked(post),
      graceMinutes: this.step.graceMinutes(),
      missedReason: post.status === 'missed' ? this.deps.publications.missedReason(postId) : null,
      heldReason: post.status === 'held' ? this.deps.publications.heldReason(postId) : null,
    };
  }

  setTarget(input: z.output<typeof SetTargetInput>): PostPublication {
    const post = this.unlocked(input.postId);
    if (input.accountId !== null) {
      const account = this.deps.accounts.list(post.partnerId).find((a) => a.id === input.accountId);
      if (account?.network !== input.network) throw invalid('accountId', 'publishing.errors.accountNotOfPartner', 'Not an account of this partner on this network');
    }
    this.deps.publications.setTarget(post.id, input.network, input.accountId, this.deps.clock.now());
    this.rounds.changed(post.id);
    return this.status(post.id);
  }

  attachMedia(input: z.output<typeof AttachMediaInput>): PostPublication {
    const post = this.unlocked(input.postId);
    const bytes = new Uint8Array(Buffer.from(input.data, 'base64'));
    if (bytes.length === 0) throw invalid('data', 'publishing.errors.mediaEmpty', 'The image is empty');
    if (bytes.length > MAX_UPLOAD_BYTES) throw invalid('data', 'publishing.errors.mediaTooLarge', 'The image is too large');
    if (sniffImageType(bytes) !== input.mimeType) throw invalid('data', 'publishing.errors.mediaFormat', 'The file is not the image it says it is');
    if (this.deps.publications.postMedia(post.id).length >= PORT_MAX_MEDIA) {
      throw invalid('data', 'publishing.errors.mediaTooMany', `At most ${PORT_MAX_MEDIA} images per post`);
    }
    // The file first: a row never points at bytes that are not there.
    const sha256 = this.deps.media.put(bytes);
    const now = this.deps.clock.now();
    this.deps.db.transaction(() => {
      this.deps.publications.insertMedia(sha256, input.mimeType, bytes.length, now);
      this.deps.publications.attach(post.id, sha256, input.alt, now);
    })();
    this.rounds.changed(post.id);
    return this.status(post.id);
  }

  setAlt(input: z.output<typeof MediaAltInput>): PostPublication {
    this.unlocked(input.postId);
    if (!this.deps.publications.setAlt(input.postId, input.position, input.alt)) throw notFound('media', input.position);
    this.rounds.changed(input.postId);
    return this.status(input.postId);
  }

  detachMedia(postId: string, position: number): PostPublication {
    this.unlocked(postId);
    if (!this.deps.db.transaction(() => this.deps.publications.detach(postId, position))()) throw notFound('media', position);
    this.rounds.changed(postId);
    return this.status(postId);
  }

  /** A slot was missed: publish now, move it to a new time, or take it back to draft. */
  decideMissed(input: z.output<typeof MissedDecisionInput>): PostPublication {
    const now = this.deps.clock.now();
    this.deps.db.transaction(() => {
      const post = this.post(input.postId);
      if (post.status !== 'missed') throw conflict('publishing.errors.notMissed', `Post ${post.id} is ${post.status}, not missed`);
      const base = { actor: CM, channel: 'app' as const, at: now };
      switch (input.decision) {
        case 'publishNow': {
          this.deps.transitions.apply({ post, event: 'retry', ...base, details: { decision: 'publishNow', scheduledAt: post.scheduledAt } });
          const scheduled = this.post(post.id);
          this.rounds.start(scheduled, now, CM);
          break;
        }
        case 'reschedule': {
          if (input.scheduledAt <= now) throw invalid('scheduledAt', 'publishing.errors.rescheduleInPast', 'The new time has passed');
          this.deps.calendar.setSchedule(post.id, input.scheduledAt, post.scheduledZone, now);
          this.deps.transitions.apply({ post, event: 'retry', ...base, details: { decision: 'reschedule', fromInstant: post.scheduledAt, toInstant: input.scheduledAt } });
          break;
        }
        case 'withdraw': {
          this.deps.transitions.apply({ post, event: 'reopen', ...base, details: { decision: 'withdraw', scheduledAt: post.scheduledAt } });
          this.deps.signoff.setApproval(post.id, null, null);
          break;
        }
      }
    })();
    this.rounds.changed(input.postId);
    this.deps.wake();
    return this.status(input.postId);
  }

  /** A failed post tries again: its failed networks are queued again (same idempotency keys). */
  retry(postId: string): PostPublication {
    const now = this.deps.clock.now();
    this.deps.db.transaction(() => {
      const post = this.post(postId);
      if (post.status !== 'failed') throw conflict('publishing.errors.notFailed', `Post ${postId} is ${post.status}, not failed`);
      const failed = this.deps.publications.active(postId).filter((p) => p.state === 'failed');
      this.deps.transitions.apply({ post, event: 'retry', actor: CM, channel: 'app', at: now, details: { networks: failed.map((p) => p.network) } });
      for (const publication of failed) {
        if (publication.mode === 'manual' || publication.outboxKey === null) {
          this.deps.publications.reopen(publication.id, 'awaiting_manual', now);
          continue;
        }
        const job = this.deps.outboxJobs.byKey(publication.outboxKey);
        if (job) this.deps.outbox.retry(job.id, now);
        this.deps.publications.reopen(publication.id, 'queued', now);
      }
    })();
    this.rounds.changed(postId);
    this.deps.wake();
    return this.status(postId);
  }

  /** Published by hand (or checked by hand after an unverifiable failure): the URL pasted back. */
  manualDone(input: z.output<typeof ManualDoneInput>): PostPublication {
    const now = this.deps.clock.now();
    this.deps.db.transaction(() => {
      const post = this.post(input.postId);
      const publication = this.deps.publications.active(post.id).find((p) => p.network === input.network && (p.state === 'awaiting_manual' || p.state === 'failed'));
      if (!publication) throw conflict('publishing.errors.nothingToConfirm', `No publication of ${post.id} on ${input.network} awaits a link`);
      const account = publication.accountId === null ? undefined : this.deps.accounts.list(post.partnerId).find((a) => a.id === publication.accountId);
      const parsed = parsePublishedUrl(input.network, input.url, account?.instanceUrl ? { instanceUrl: account.instanceUrl } : {});
      if (!parsed.ok) {
        const message = `Not a post URL of ${input.network}: ${parsed.problem}${parsed.foundOn ? ` (a ${parsed.foundOn} link)` : ''}`;
        const network = networkLabels[input.network];
        if (parsed.foundOn) throw invalid('url', 'publishing.errors.url_other_network', message, { network, found: networkLabels[parsed.foundOn] });
        throw invalid('url', `publishing.errors.url_${parsed.problem}`, message, { network });
      }
      // A failed post comes back to `scheduled` first, so the round can close as published.
      if (post.status === 'failed') this.deps.transitions.apply({ post, event: 'retry', actor: CM, channel: 'app', at: now, details: { networks: [input.network], manual: true } });
      if (publication.state === 'failed') this.deps.publications.reopen(publication.id, 'awaiting_manual', now);
      this.rounds.published(publication, parsed.value.remoteId, parsed.value.url, now, CM);
    })();
    return this.status(input.postId);
  }

  settings(): z.output<typeof PublicationSettings> {
    return { graceMinutes: this.step.graceMinutes() };
  }

  saveSettings(settings: z.output<typeof PublicationSettings>): z.output<typeof PublicationSettings> {
    this.deps.settings.write(GRACE_SETTING, settings.graceMinutes);
    return this.settings();
  }

  queue(): PublicationQueue {
    const items = this.deps.publications.queue(QUEUE_SHOWN).map((item) => ({ ...item, ...this.partsView.of(item.publicationId) }));
    const missed = this.deps.publications.missed(MISSED_SHOWN);
    const held = this.deps.publications.held(MISSED_SHOWN);
    return {
      online: this.deps.connectivity.online,
      items,
      total: this.deps.publications.queueTotal(),
      missed: missed.items,
      missedTotal: missed.total,
      held: held.items,
      heldTotal: held.total,
    };
  }

  private post(postId: string): Post {
    const post = this.deps.posts.get(postId);
    if (!post) throw notFound('post', postId);
    return post;
  }

  /** Images and accounts are not covered by the approval's hash yet: frozen while it binds. */
  private unlocked(postId: string): Post {
    const post = this.post(postId);
    if (locked(post)) throw conflict('publishing.errors.locked', `Post ${postId} is ${post.status}: withdraw the approval to change what goes out`);
    return post;
  }
}

