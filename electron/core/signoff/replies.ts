import { createHash } from 'node:crypto';
import type { Partner } from '../../../shared/partners/schema';
import type { Post } from '../../../shared/posts/schema';
import type { Actor } from '../../../shared/signoff/audit';
import type { ReplyAttachment } from '../../../shared/signoff/replyAttachments';
import type { Decision } from '../../../shared/signoff/schema';
import { classifyReply, commentOf, isCourtesyOnly } from '../../../shared/signoff/replyDecision';
import type { ReplyContext } from '../../../shared/signoff/replyDecision';
import type { InboundMessage } from '../mail/inboundMessage';
import { ownReplyText } from '../mail/replyText';
import { Decisions } from './decisions';
import { inboundFacts } from './inboundFacts';
import { matchBySubject } from './subjectMatch';
import type { UntiedReason } from './subjectMatch';
import type { SignoffDeps } from './deps';
import { prefilledLines, requestLayout } from './email/strings';
import { suggestedText } from '../../../shared/signoff/suggestedText';
import type { SuggestedText } from '../../../shared/signoff/suggestedText';
import { isChained, quotedTexts } from '../../../shared/signoff/quotedTexts';
import type { SignoffRequest } from './repository';
import { findTokens, tokenDigest, verifyToken } from './tokens';
import type { FoundToken } from './tokens';

export type ReplyOutcome =
  | { outcome: 'applied'; requestId: string; decision: Decision }
  | { outcome: 'received'; requestId: string; reason: string }
  | { outcome: 'rejected'; requestId: string | null; reason: RejectReason }
  | { outcome: 'unmatched' }
  | { outcome: 'duplicate' };

export type RejectReason =
  | 'badSignature'
  | 'senderMismatch'
  | 'expired'
  | 'replayed'
  | 'conflictingTokens'
  | 'unknownRequest';

interface Match {
  request: SignoffRequest | null;
  tokens: FoundToken[];
  /** How it was tied to its request; null: to none. */
  via: 'token' | 'thread' | 'subject' | null;
  /** A partner's message tied to none, and why. */
  untied?: { partner: Partner; reason: UntiedReason } | null;
}

export interface ReceivedMessage {
  message: InboundMessage;
  /** INTERNALDATE, set by the receiving server (never the sender's Date header). */
  receivedAt: number | null;
  /** For a message without Message-ID, a digest of its bytes stands in. */
  sourceDigest: string;
  /** SHA-256 of the raw message kept in the records (absent: not kept). */
  eml?: string | undefined;
  /** The files it carried, kept or listed as not kept (see replyAttachments.ts). */
  attachments?: readonly ReplyAttachment[];
}

const SYSTEM = { kind: 'system', name: '' } as const;
/** Forward prefixes as mail clients write them: Fwd/Fw (English, Gmail, Apple Mail), TR (French Outlook), WG (German), RV (Spanish). */
const FORWARDED = /^\s*(?:(?:re|aw|ré)\s*:\s*)*(?:fwd?|tr|wg|rv)\s*:/iu;

/** The partner's own words around a button's pre-filled text: our fixed lines and token lines removed. */
function ownWords(text: string): string {
  const fixed = new Set(prefilledLines.map((line) => line.trim()));
  return text
    .split('\n')
    .filter((line) => !fixed.has(line.trim()) && findTokens(line).length === 0)
    .join('\n')
    .trim();
}

export const digestOf = (source: Buffer): string => `<sha256-${createHash('sha256').update(source).digest('hex')}@inbound>`;

/**
 * Reads one reply: matched by token (subject or the partner's own words only — the quoted
 * original carries both buttons' tokens), else by thread headers (In-Reply-To/References
 * naming one of our Message-IDs), else by subject when that is no guess (subjectMatch.ts); a
 * partner's message tied to no request is alerted, never decided. Accepted only from the partner's registered address, with
 * a verifying, unexpired, unused token; a reply about an older revision is recorded as
 * stale. Everything is recorded; nothing unverified is applied.
 */
export class ReplyProcessor {
  private readonly decisions: Decisions;

  constructor(private readonly deps: SignoffDeps) {
    this.decisions = new Decisions(deps);
  }

  process(received: ReceivedMessage, key: Buffer): ReplyOutcome {
    const { message } = received;
    const messageId = message.messageId ?? received.sourceDigest;
    const now = this.deps.clock.now();
    const receivedAt = Math.min(received.receivedAt ?? now, now);
    return this.decisions.alertingLate(() => this.deps.db.transaction((): ReplyOutcome => {
      if (this.deps.replies.inboundHandled(messageId)) return { outcome: 'duplicate' };
      const outcome = this.decide(message, messageId, receivedAt, now, key, received.eml, received.attachments ?? []);
      const requestId = 'requestId' in outcome ? outcome.requestId : null;
      const reason = outcome.outcome === 'rejected' || outcome.outcome === 'received' ? outcome.reason : null;
      if (outcome.outcome !== 'duplicate') this.deps.replies.recordInbound(messageId, requestId, outcome.outcome, reason, receivedAt, now);
      return outcome;
    })());
  }

  /**
   * The request a reply is about, read only: by token in its subject or own words, else by
   * thread, else (no thread headers at all) by its subject when that is no guess (subjectMatch.ts).
   */
  private match(message: InboundMessage, own: string): Match {
    const tokens = findTokens(`${message.subject}\n${own}`);
    if (tokens.length > 0) return { request: this.deps.signoff.request(tokens[0]?.requestId ?? ''), tokens, via: 'token' };
    const request = this.deps.signoff.newestRequestForMessages(message.threadIds);
    if (request !== null) return { request, tokens, via: 'thread' };
    const bySubject = matchBySubject(this.deps, message);
    if (bySubject.kind === 'matched') return { request: bySubject.request, tokens, via: 'subject' };
    return { request: null, tokens, via: null, untied: bySubject.kind === 'untied' ? bySubject : null };
  }

  /**
   * Whether a message's files are worth downloading: a new reply about one of our requests,
   * from that partner's registered address, written by a person. Mail from anyone else is
   * never stored in the workspace.
   */
  wantsAttachments(message: InboundMessage, sourceDigest: string): boolean {
    if (message.automatic || this.deps.replies.inboundHandled(message.messageId ?? sourceDigest)) return false;
    const { request } = this.match(message, ownReplyText(message.text));
    const partner = request === null ? null : this.deps.partners.get(request.partnerId);
    return partner ? this.fromPartner(message, partner) : false;
  }

  private decide(
    message: InboundMessage,
    messageId: string,
    receivedAt: number,
    now: number,
    key: Buffer,
    eml: string | undefined,
    attachments: readonly ReplyAttachment[],
  ): ReplyOutcome {
    const own = ownReplyText(message.text);
    const match = this.match(message, own);
    const { request, tokens, via } = match;
    if (via === null) {
      if (match.untied) this.untied(message, match.untied.partner, match.untied.reason);
      return { outcome: 'unmatched' };
    }
    const token: FoundToken | null = tokens[0] ?? null;
    if (request === null) return { outcome: 'rejected', requestId: null, reason: 'unknownRequest' };
    const post = this.deps.posts.get(request.postId);
    const partner = this.deps.partners.get(request.partnerId);
    if (!post || !partner) return { outcome: 'rejected', requestId: request.id, reason: 'unknownRequest' };

    const facts = {
      ...inboundFacts(message, request.id, messageId, receivedAt),
      via,
      ...(eml === undefined ? {} : { eml }),
      ...(attachments.length === 0 ? {} : { attachments }),
    };
    const revision = { number: request.revisionNumber, hash: request.revisionHash };
    // The fact about the reply itself; the files it carried are indexed under that fact.
    const replyFact = (action: 'replyReceived' | 'replyRejected', actor: Actor, details: Record<string, unknown>): void => {
      const auditEntryId = this.deps.transitions.record(post, action, actor, 'email', now, details, revision);
      if (attachments.length > 0) this.deps.attachments?.repository.add({ auditEntryId, postId: post.id, messageId }, attachments);
    };
    const reject = (reason: RejectReason): ReplyOutcome => {
      replyFact('replyRejected', SYSTEM, { ...facts, reason });
      this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
      this.alert('signoff.alerts.replyRejected', post, 'warning', { reason });
      return { outcome: 'rejected', requestId: request.id, reason };
    };

    if (FORWARDED.test(message.subject)) {
      // The partner passed the request on (to an assistant, a colleague): a fact worth knowing, never a decision.
      if (!this.fromPartner(message, partner)) return reject('senderMismatch');
      replyFact('replyReceived', { kind: 'partner', name: partner.displayName }, { ...facts, applied: false, forwarded: true, reason: 'forwarded' });
      this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
      this.alert('signoff.alerts.forwarded', post, 'info', { from: facts.from });
      return { outcome: 'received', requestId: request.id, reason: 'forwarded' };
    }
    const partnerActor = { kind: 'partner', name: partner.displayName } as const;
    const receivedFact = (details: Record<string, unknown>, reason: string, severity: 'info' | 'warning', alertKey: string, actor: Actor = partnerActor): ReplyOutcome => {
      replyFact('replyReceived', actor, { ...facts, applied: false, ...details });
      this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
      this.alert(alertKey, post, severity, {});
      return { outcome: 'received', requestId: request.id, reason };
    };

    // An automatic answer is never a decision, whoever sent it (an out-of-office from the
    // partner's other address is not a "refused reply"); its token is not spent.
    if (message.automatic) {
      const actor = this.fromPartner(message, partner) ? partnerActor : SYSTEM;
      return receivedFact({ stale: false, automatic: true }, 'automatic', 'info', 'signoff.alerts.automaticReply', actor);
    }
    if (token !== null) {
      const distinct = new Set(tokens.map((t) => `${t.requestId}:${t.decision}`));
      if (distinct.size > 1) return reject('conflictingTokens');
      if (!verifyToken(key, token, request.revisionHash)) return reject('badSignature');
    }
    if (!this.fromPartner(message, partner)) return reject('senderMismatch');
    if (token !== null) {
      if (receivedAt > token.expiresAt) return reject('expired');
      if (this.deps.replies.tokenUsed(tokenDigest(token))) return reject('replayed');
    }

    if (token !== null) this.deps.replies.markTokenUsed(tokenDigest(token), request.id, token.decision, messageId, now);

    // The partner's corrected text, against the revision they were asked about.
    // A thread or first comment is quoted as its parts, one per line (quotedTexts).
    const words = { text: message.text, own: token === null ? own : ownWords(own), charset: message.textCharset };
    const suggestion = suggestedText(words, quotedTexts(request.content), requestLayout);
    // A corrected chain is no body to save in one click: it is changes requested, the corrected parts in the comment.
    const chained = suggestion !== null && isChained(request.content, suggestion.network);
    if (suggestion !== null && !chained) this.recordSuggestion(post, partnerActor, request, messageId, suggestion, now);
    const verdict = this.verdict(own, token, partner, suggestion !== null, chained ? suggestion.text : null);
    const stale = request.state === 'superseded' || request.state === 'voided' || request.revisionHash !== this.deps.revisionContent.hash(post);
    if (stale) {
      return receivedFact({ stale: true, decision: verdict.decision, revisionNumber: request.revisionNumber, comment: verdict.comment }, 'stale', 'info', 'signoff.alerts.staleReply');
    }
    if (request.state !== 'open' || post.status !== 'in_review') {
      // The partner takes back an approval before publication ("Finalement non : ne publiez pas"): never "no effect".
      if (verdict.decision !== 'approve' && this.approvalStillStands(post, request)) {
        return this.holdAfterApproval(post, request, partnerActor, { ...facts, stale: false, decision: verdict.decision, requestState: request.state, comment: verdict.comment }, now, attachments, messageId);
      }
      return receivedFact({ stale: false, decision: verdict.decision, requestState: request.state, comment: verdict.comment }, 'requestClosed', 'warning', 'signoff.alerts.lateReply');
    }

    const at = Math.max(request.createdAt, receivedAt);
    replyFact('replyReceived', partnerActor, { ...facts, stale: false, applied: true, decision: verdict.decision });
    this.decisions.apply(request, verdict.decision, {
      at,
      actor: partnerActor,
      channel: 'email',
      comment: verdict.comment,
      extra: {
        messageId,
        via: facts.via,
        // The evidence of the decision: the raw reply and the (now spent) token it carried.
        ...(eml === undefined ? {} : { eml }),
        ...(token === null ? {} : { token: token.raw }),
        ...(verdict.remarks ? { approveWithRemarks: true } : {}),
      },
    });
    this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
    return { outcome: 'applied', requestId: request.id, decision: verdict.decision };
  }

  /**
   * A button's decision stands only if the partner's own words are courtesy; an "Approve"
   * carrying remarks becomes "changes requested" so a person reads them. A plain reply follows
   * the rule in shared/signoff/replyDecision.ts.
   */
  private verdict(
    own: string,
    token: FoundToken | null,
    partner: Partner,
    suggested: boolean,
    correctedChain: string | null,
  ): { decision: Decision; comment: string | null; remarks: boolean } {
    // The partner's signature may carry their name, their title and their firm's name.
    const context = { signatureNames: [partner.displayName, partner.role, partner.organisation] };
    const plain = this.plainVerdict(own, token, context);
    const withChain = (comment: string | null): string | null =>
      correctedChain === null ? comment : [comment, correctedChain].filter((part): part is string => part !== null && part !== '').join('\n\n');
    // A corrected text is not an approval of the text asked about, whatever the words say (nor a plain refusal: it asks changes).
    if (suggested && plain.decision !== 'requestChanges') {
      const words = commentOf(token === null ? own : ownWords(own), context);
      return { decision: 'requestChanges', comment: withChain(words === '' ? null : words), remarks: true };
    }
    return { ...plain, comment: withChain(plain.comment) };
  }

  private plainVerdict(own: string, token: FoundToken | null, context: ReplyContext): { decision: Decision; comment: string | null; remarks: boolean } {
    if (token !== null) {
      const words = ownWords(own);
      const comment = commentOf(words, context);
      if (token.decision === 'requestChanges') return { decision: 'requestChanges', comment: comment === '' ? null : comment, remarks: false };
      return isCourtesyOnly(words, context)
        ? { decision: 'approve', comment: null, remarks: false }
        : { decision: 'requestChanges', comment, remarks: true };
    }
    // A clear refusal ("Non.", "Je ne valide pas.") rejects; unclear words are changes requested, for a person to read.
    const verdict = classifyReply(own, context);
    if (verdict.kind === 'approve') return { decision: 'approve', comment: null, remarks: false };
    return { decision: verdict.kind === 'reject' ? 'reject' : 'requestChanges', comment: verdict.comment, remarks: false };
  }

  /** The post still goes out on this request's approval: approved or scheduled, unedited, not published. */
  private approvalStillStands(post: Post, request: SignoffRequest): boolean {
    if (request.state !== 'approved' || (post.status !== 'approved' && post.status !== 'scheduled')) return false;
    const signoff = this.deps.signoff.postSignoff(post.id);
    return signoff?.approvedRequestId === request.id && signoff.approvedHash === request.revisionHash;
  }

  /**
   * A reply after the partner's approval that is not one (changes, a refusal, words to read):
   * the post is held — never published at its time — the reply filed as what held it, and the
   * community manager alerted with the partner's words, until they ask again or the partner's
   * confirmation is recorded (a held post takes either: lifecycle `reopensForSignoff`).
   */
  private holdAfterApproval(
    post: Post,
    request: SignoffRequest,
    actor: Actor,
    details: Record<string, unknown>,
    now: number,
    attachments: readonly ReplyAttachment[],
    messageId: string,
  ): ReplyOutcome {
    const revision = { number: request.revisionNumber, hash: request.revisionHash };
    const auditEntryId = this.deps.transitions.record(post, 'replyReceived', actor, 'email', now, { ...details, applied: true, afterApproval: true }, revision);
    if (attachments.length > 0) this.deps.attachments?.repository.add({ auditEntryId, postId: post.id, messageId }, attachments);
    // An approved post with no time yet is scheduled first (as a late approval is): only a scheduled post can be held.
    let current = post;
    if (current.status === 'approved') {
      this.deps.transitions.apply({ post: current, event: 'schedule', actor: SYSTEM, channel: 'system', at: now, details: { scheduledAt: current.scheduledAt, zone: current.scheduledZone, reason: 'partnerWithdrew' } });
      current = this.deps.posts.get(post.id) ?? current;
    }
    this.deps.transitions.apply({
      post: current,
      event: 'hold',
      actor: SYSTEM,
      channel: 'system',
      at: now,
      revision,
      details: { reason: 'partnerWithdrew', requestId: request.id, messageId, scheduledAt: current.scheduledAt, decision: details.decision, comment: details.comment ?? null },
    });
    this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
    this.deps.events.emit({ type: 'outbox.changed' });
    const words = typeof details.comment === 'string' ? details.comment.replace(/\s+/gu, ' ').trim() : '';
    this.deps.events.emit({
      type: 'alert',
      messageKey: 'signoff.alerts.withdrawnAfterApproval',
      params: { title: post.title, partner: actor.name, words: words.length > 300 ? `${words.slice(0, 299)}…` : words },
      severity: 'error',
      postId: post.id,
    });
    return { outcome: 'received', requestId: request.id, reason: 'withdrawnAfterApproval' };
  }

  /** A "changes suggested" fact: the partner's version and the revision's text it departs from. */
  private recordSuggestion(post: Post, actor: Actor, request: SignoffRequest, messageId: string, suggestion: SuggestedText, now: number): void {
    const details = {
      requestId: request.id,
      messageId,
      network: suggestion.network,
      text: suggestion.text,
      original: request.content.texts[suggestion.network] ?? '',
      source: suggestion.source,
    };
    this.deps.transitions.record(post, 'changesSuggested', actor, 'email', now, details, { number: request.revisionNumber, hash: request.revisionHash });
    this.alert('signoff.alerts.changesSuggested', post, 'info', {});
  }

  /**
   * A partner's message tied to no request: never a decision on a guess. The community manager
   * is told to read it and record the decision by hand if it gives one; an out-of-office is
   * only logged.
   */
  private untied(message: InboundMessage, partner: Partner, reason: UntiedReason): void {
    const from = message.from.join(', ');
    this.deps.log.info(`reply from ${from} (partner ${partner.id}) tied to no sign-off request (${reason}): ${message.subject.slice(0, 200)}`);
    if (message.automatic) return;
    const params = { partner: partner.displayName, from, subject: message.subject.slice(0, 200) };
    this.deps.events.emit({ type: 'alert', messageKey: 'signoff.alerts.untiedReply', params, severity: 'warning', postId: null });
  }

  private fromPartner(message: InboundMessage, partner: Partner): boolean {
    const registered = partner.signoffEmail.trim().toLowerCase();
    return registered !== '' && message.from.length === 1 && message.from[0] === registered;
  }

  private alert(messageKey: string, post: Post, severity: 'info' | 'warning', extra: Record<string, string>): void {
    this.deps.events.emit({ type: 'alert', messageKey, params: { title: post.title, ...extra }, severity, postId: post.id });
  }
}
