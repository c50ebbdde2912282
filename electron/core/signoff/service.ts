import { keepStoredRevision } from '../posts/keepRevision';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { Partner } from '../../../shared/partners/schema';
import type { Post } from '../../../shared/posts/schema';
import { defaultDeadline, tokenExpiry } from '../../../shared/signoff/deadline';
import { approvalBound, canTransition, reopensForSignoff } from '../../../shared/signoff/lifecycle';
import { canonicalSignoffContent, revisionHash } from '../../../shared/signoff/revisionHash';
import type { Channel } from '../../../shared/signoff/audit';
import type { EditorialOverride, FindingsSummary, RecordDecisionInput, RequestSignoffInput, SeenRevision } from '../../../shared/signoff/schema';
import { notFound } from '../errors';
import { newMessageId } from '../mail/messageId';
import { messageIdDomain } from '../mail/settings';
import { Decisions } from './decisions';
import { SIGNOFF_EMAIL, requestEmailKey } from './deps';
import type { SignoffDeps } from './deps';
import type { SignoffRequest } from './repository';
import { transitionRefused } from './transitions';

type RequestFields = z.output<typeof RequestSignoffInput>;
type DecisionFields = z.output<typeof RecordDecisionInput>;

const CM = { kind: 'community_manager', name: '' } as const;
const NO_FINDINGS: FindingsSummary = { error: 0, warning: 0, info: 0, byKind: {} };
/** A decision "taken now" may carry a timestamp slightly ahead of ours (another device's clock). */
const CLOCK_SKEW_MS = 60_000;
const MINUTE_MS = 60_000;
/** Instants are UTC milliseconds and every zone's offset is whole minutes, so a minute starts at a multiple of 60 000. */
const startOfMinute = (at: number): number => Math.floor(at / MINUTE_MS) * MINUTE_MS;

const invalid = (path: string, messageKey: string, message: string): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.validation', message, issues: [{ path: [path], messageKey }] });

export interface EmailRequestPayload {
  postId: string;
  requestId: string;
  purpose: 'request' | 'reminder';
  level: number;
  messageId: string;
}

/**
 * Sign-off requests and decisions. Every transition goes through the pure state machine and
 * is performed, with its audit entry, in one transaction; emails are queued in the outbox in
 * that same transaction and leave later.
 */
export class SignoffService {
  private readonly decisions: Decisions;

  constructor(private readonly deps: SignoffDeps) {
    this.decisions = new Decisions(deps);
  }

  /** `correctionsFrom`: the new revision is the partner's suggestion (that audit entry), applied. */
  request(fields: RequestFields, options: { correctionsFrom?: number } = {}): void {
    const now = this.deps.clock.now();
    this.deps.db.transaction(() => {
      const loaded = this.load(fields.postId, true);
      // Said before anything is queued: an email that cannot leave would only wait unseen.
      if (loaded.partner.signoffEmail !== '' && this.deps.mail.settings() === null) {
        throw new ApiError({ code: 'validation', messageKey: 'errors.signoff.noMailAccount', message: 'No mail account is set up to send the request' });
      }
      const { post, partner } = this.reopenedIfClosed(loaded, 'requestSignoff', now);
      if (!canTransition(post.status, 'requestSignoff')) throw transitionRefused(post.status, 'requestSignoff');
      // Asked again after the publication time: no deadline by default, and the approval will wait for a new slot.
      const timePassed = post.scheduledAt !== null && post.scheduledAt <= now;
      const deadlineAt = fields.deadlineAt !== undefined ? fields.deadlineAt : timePassed ? null : defaultDeadline(post.scheduledAt, partner.signoffLeadMinutes, now);
      if (deadlineAt !== null && deadlineAt <= now) throw invalid('deadlineAt', 'errors.signoff.deadlinePast', 'The deadline has passed');
      if (deadlineAt !== null && post.scheduledAt !== null && !timePassed && deadlineAt > post.scheduledAt) {
        throw invalid('deadlineAt', 'errors.signoff.deadlineAfterPublication', 'The deadline is after publication');
      }
      const emailed = partner.signoffEmail !== '';
      this.openRequest(post, partner, {
        at: now,
        deadlineAt,
        channel: emailed ? 'email' : 'app',
        details: { ...this.editorialGate(post.id, fields), ...options },
        email: emailed,
      });
    })();
    this.changed(fields.postId);
    this.deps.wake();
  }

  /** A decision given by phone, in person or by message, recorded by the community manager. */
  recordDecision(fields: DecisionFields): void {
    const now = this.deps.clock.now();
    this.decisions.alertingLate(() => this.deps.db.transaction(() => {
      if (fields.decidedAt > now + CLOCK_SKEW_MS) throw invalid('decidedAt', 'errors.signoff.decidedInFuture', 'The decision is in the future');
      const loaded = this.load(fields.postId, true);
      if (fields.revision !== undefined) this.assertSeenRevision(loaded.post, fields.revision);
      // A decision after the post was held, expired or withdrawn (the partner phones at 12:01 for 12:00) is still recorded.
      const { post, partner } = this.reopenedIfClosed(loaded, fields.decision, now);
      const at = Math.min(fields.decidedAt, now);
      const open = post.status === 'in_review' ? this.deps.signoff.openRequest(post.id) : null;
      if (open === null && (post.status === 'in_review' || !canTransition(post.status, 'requestSignoff'))) throw transitionRefused(post.status, fields.decision);
      // The partner has decided already, but an approval over the line's errors is an override as
      // much as a request over them: justified, with core's findings, counted by the reports. Errors
      // the open request's own override justified already need no second justification.
      const editorial =
        fields.decision === 'approve'
          ? this.editorialGate(post.id, { findings: NO_FINDINGS, override: fields.override }, { messageKey: 'errors.signoff.approvalEditorialErrors', justified: open?.details.override?.findingIds ?? [] })
          : { findings: this.deps.editorial?.checkPost(post.id).summary ?? NO_FINDINGS, override: null };
      let request = open;
      if (request === null) {
        // Asked outside the app (a call, a meeting): the request is recorded as such, bound to this revision, with the override if any.
        request = this.openRequest(post, partner, {
          at,
          deadlineAt: defaultDeadline(post.scheduledAt, partner.signoffLeadMinutes, at),
          channel: fields.channel,
          details: editorial,
          email: false,
        });
      } else if (editorial.override !== null) {
        // Asked in the app over no error (the line changed since): the justification is its own audit entry, as reports read it.
        this.deps.transitions.record(post, 'overrideRecorded', CM, fields.channel, at, {
          requestId: request.id,
          justification: editorial.override.justification,
          findingIds: editorial.override.findingIds,
          findings: editorial.findings,
        });
      }
      // The form gives minutes: a decision in the request's own minute answers it, recorded at the request at the earliest.
      if (at < startOfMinute(request.createdAt)) throw invalid('decidedAt', 'errors.signoff.decidedBeforeRequest', 'The decision predates the request');
      const decidedAt = Math.max(at, request.createdAt);
      const name = fields.decidedBy !== undefined && fields.decidedBy !== '' ? fields.decidedBy : partner.displayName;
      this.decisions.apply(request, fields.decision, {
        at: decidedAt,
        actor: { kind: 'partner', name },
        channel: fields.channel,
        comment: fields.comment ?? null,
        extra: { decidedAt, recordedAt: now, recordedBy: 'community_manager' },
      });
    })());
    this.changed(fields.postId);
  }

  /**
   * The partner decided on the text the form showed. Edited since (another tab, another window),
   * the decision would otherwise open a request on a text they never saw and approve it.
   * Compared by hash: the exact content, whatever the revision count did.
   */
  private assertSeenRevision(post: Post, seen: SeenRevision): void {
    const hash = this.deps.revisionContent.hash(post);
    if (hash === seen.hash) return;
    const numbered = seen.number !== post.revisionCount;
    throw new ApiError({
      code: 'conflict',
      messageKey: numbered ? 'signoff.errors.revisionChanged' : 'signoff.errors.textChanged',
      message: `Post ${post.id} changed since the decision form was opened (revision ${String(seen.number)} → ${String(post.revisionCount)})`,
      // Strings: the UI's messages take a detail's texts as their values.
      details: { seenRevision: String(seen.number), currentRevision: String(post.revisionCount), seenHash: seen.hash, currentHash: hash },
    });
  }

  withdraw(postId: string): void {
    const now = this.deps.clock.now();
    this.deps.db.transaction(() => {
      const { post } = this.load(postId, false);
      const open = this.deps.signoff.openRequest(postId);
      this.deps.transitions.apply({ post, event: 'withdraw', actor: CM, channel: 'app', at: now, details: { requestId: open?.id ?? null } });
      if (open) this.decisions.close(open, 'withdrawn', null, now);
      this.deps.signoff.setApproval(postId, null, null);
    })();
    this.changed(postId);
  }

  /**
   * For the publisher, at publication time: the content about to go out must hash to exactly
   * what the partner approved. Throws `conflict` otherwise; changes nothing.
   */
  assertPublishable(postId: string): { hash: string; requestId: string } {
    const { post } = this.load(postId, false);
    const signoff = this.deps.signoff.postSignoff(postId);
    if (!approvalBound(post.status) || !signoff?.approvedHash || !signoff.approvedRequestId) {
      throw new ApiError({ code: 'conflict', messageKey: 'errors.signoff.notApproved', message: `Post ${postId} is not approved`, details: { status: post.status } });
    }
    const hash = this.deps.revisionContent.hash(post);
    if (hash !== signoff.approvedHash) {
      throw new ApiError({
        code: 'conflict',
        messageKey: 'errors.signoff.contentChanged',
        message: `Post ${postId} differs from the approved content`,
        details: { approvedHash: signoff.approvedHash, currentHash: hash },
      });
    }
    return { hash, requestId: signoff.approvedRequestId };
  }

  /**
   * The findings a request (or an approval recorded by the community manager) records. With the
   * editorial check wired they are computed here (a summary sent by the UI is not trusted), and
   * an error finding stops it unless the community manager justifies overriding it; the override
   * then names core's findings. `justified`: finding ids an earlier override covers already.
   */
  private editorialGate(
    postId: string,
    fields: Pick<RequestFields, 'findings' | 'override'>,
    options: { messageKey: string; justified: readonly string[] } = { messageKey: 'errors.signoff.editorialErrors', justified: [] },
  ): { findings: FindingsSummary; override: EditorialOverride | null } {
    const checker = this.deps.editorial;
    if (checker === null) return { findings: fields.findings, override: fields.override };
    const { summary, errorFindingIds, networks } = checker.checkPost(postId);
    // A required snippet (a disclosure) is not for an override to waive.
    const missing = [...new Set((networks ?? []).flatMap(({ result }) => result.findings.filter((f) => f.kind === 'requiredSnippet').map((f) => String(f.params.snippet))))];
    if (missing.length > 0) {
      throw new ApiError({
        code: 'validation',
        messageKey: 'snippets.errors.requiredMissing',
        message: `The post lacks required snippet(s): ${missing.join(', ')}`,
        details: { snippets: missing },
      });
    }
    if (summary.error === 0 && errorFindingIds.length === 0) return { findings: summary, override: null };
    if (errorFindingIds.length > 0 && errorFindingIds.every((id) => options.justified.includes(id))) return { findings: summary, override: null };
    if (fields.override === null) {
      throw new ApiError({
        code: 'validation',
        messageKey: options.messageKey,
        message: `The post breaks ${String(summary.error)} editorial rule(s); a justified override is required`,
        issues: [{ path: ['override'], messageKey: options.messageKey }],
        details: { errors: summary.error, findingIds: errorFindingIds },
      });
    }
    return { findings: summary, override: { justification: fields.override.justification, findingIds: errorFindingIds } };
  }

  private openRequest(
    asked: Post,
    partner: Partner,
    options: {
      at: number;
      deadlineAt: number | null;
      channel: Channel;
      details: { findings: RequestFields['findings']; override: RequestFields['override']; correctionsFrom?: number };
      email: boolean;
    },
  ): SignoffRequest {
    // A request is a meaningful point of the history: the text asked about is kept as a revision, the number the request names.
    const post = keepStoredRevision(this.deps.posts, this.deps.events, asked.id, options.at) ? (this.deps.posts.get(asked.id) ?? asked) : asked;
    const previous = this.deps.signoff.openRequest(post.id);
    if (previous) this.decisions.close(previous, 'superseded', null, null);
    const content = this.deps.revisionContent.content(post);
    const hash = revisionHash(content);
    const id = randomUUID();
    const messageId = options.email ? newMessageId(messageIdDomain(this.deps.mail.settings())) : null;
    this.deps.signoff.insertRequest({
      id,
      postId: post.id,
      partnerId: post.partnerId,
      revisionNumber: post.revisionCount,
      revisionHash: hash,
      canonicalContent: canonicalSignoffContent(content),
      channel: options.email ? 'email' : 'none',
      deadlineAt: options.deadlineAt,
      tokenExpiresAt: tokenExpiry(options.deadlineAt, options.at),
      details: { ...options.details, messageId },
      createdAt: options.at,
    });
    this.deps.transitions.apply({
      post,
      event: 'requestSignoff',
      actor: CM,
      channel: options.channel,
      at: options.at,
      revision: { number: post.revisionCount, hash },
      details: {
        requestId: id,
        deadlineAt: options.deadlineAt,
        findings: options.details.findings,
        override: options.details.override,
        ...(options.details.correctionsFrom === undefined ? {} : { correctionsFrom: options.details.correctionsFrom }),
      },
    });
    this.deps.signoff.setDeadline(post.id, options.deadlineAt);
    this.deps.comments.claimUnsent(post.id, id);
    if (messageId !== null) {
      const key = requestEmailKey(id);
      this.deps.signoff.insertMessage(messageId, id, 'request', key, options.at);
      const payload: EmailRequestPayload = { postId: post.id, requestId: id, purpose: 'request', level: 0, messageId };
      this.deps.outbox.enqueue(SIGNOFF_EMAIL, key, payload, options.at, options.at);
      const queued = this.deps.posts.get(post.id) ?? post;
      this.deps.transitions.record(queued, 'signoffEmailQueued', CM, 'email', options.at, { requestId: id, messageId, to: partner.signoffEmail }, { number: post.revisionCount, hash });
    }
    const request = this.deps.signoff.request(id);
    if (!request) throw notFound('request', id);
    return request;
  }

  /**
   * A held, expired, withdrawn or rejected post is reopened (to draft, audited) before a new
   * request or a late decision, so neither needs an edit of the text first.
   */
  private reopenedIfClosed(loaded: { post: Post; partner: Partner }, purpose: string, now: number): { post: Post; partner: Partner } {
    if (!reopensForSignoff(loaded.post.status)) return loaded;
    this.deps.transitions.apply({ post: loaded.post, event: 'reopen', actor: CM, channel: 'app', at: now, details: { for: purpose } });
    const post = this.deps.posts.get(loaded.post.id);
    if (!post) throw notFound('post', loaded.post.id);
    return { post, partner: loaded.partner };
  }

  private load(postId: string, requireNetworks: boolean): { post: Post; partner: Partner } {
    const post = this.deps.posts.get(postId);
    if (!post) throw notFound('post', postId);
    const partner = this.deps.partners.get(post.partnerId);
    if (!partner) throw notFound('partner', post.partnerId);
    if (requireNetworks && post.networks.length === 0) {
      // Without a network there is no final text to approve (the hash would cover nothing).
      // Said as the error itself: the sign-off forms have no networks field to show it under.
      throw new ApiError({ code: 'validation', messageKey: 'errors.signoff.noNetworks', message: 'Choose at least one network before sign-off', issues: [{ path: ['networks'], messageKey: 'errors.signoff.noNetworks' }] });
    }
    return { post, partner };
  }

  private changed(postId: string): void {
    this.deps.events.emit({ type: 'signoff.changed', postId });
  }
}
