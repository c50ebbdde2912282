import type { InboundMessage } from '../mail/inboundMessage';
import type { SignoffDeps } from './deps';
import { inboundFacts } from './inboundFacts';
import { findTokens } from './tokens';

export type UnreadableReason = 'malformedMime' | 'noTextPart' | 'fetchFailed' | 'parseFailed';

export interface UnreadableFacts {
  /** What the headers alone say (who, subject, thread), when they could be read. */
  headers: InboundMessage | null;
  receivedAt: number | null;
  size: number;
  reason: UnreadableReason;
  /** Stands in for a missing Message-ID. */
  sourceDigest: string;
}

const SYSTEM = { kind: 'system', name: '' } as const;

/**
 * A reply that could not be read is never dropped in silence: when it belongs to a request
 * (its thread or a token in its subject) it is audited on that post and the community manager
 * alerted to open it in their mail client; it is always logged. Mail that answers no request
 * (a newsletter with no text part) is only logged.
 */
export class UnreadableReplies {
  constructor(private readonly deps: SignoffDeps) {}

  record(facts: UnreadableFacts): void {
    const now = this.deps.clock.now();
    const receivedAt = Math.min(facts.receivedAt ?? now, now);
    const headers = facts.headers;
    const messageId = headers?.messageId ?? facts.sourceDigest;
    const from = headers?.from.join(', ').slice(0, 320) ?? '';
    const subject = headers?.subject.slice(0, 200) ?? '';
    this.deps.log.error(`sign-off reply unreadable (${facts.reason}, ${facts.size} bytes) from ${from || 'unknown sender'}: ${subject}`);
    const request = headers === null ? null : this.requestOf(headers);
    const post = request === null ? null : this.deps.posts.get(request.postId);
    const recorded = this.deps.db.transaction((): boolean => {
      if (this.deps.replies.inboundHandled(messageId)) return false;
      this.deps.replies.recordInbound(messageId, request?.id ?? null, post ? 'received' : 'unmatched', facts.reason, receivedAt, now);
      if (request !== null && post) {
        const details = { ...inboundFacts(headers, request.id, messageId, receivedAt), size: facts.size, unreadable: true, reason: facts.reason, applied: false };
        this.deps.transitions.record(post, 'replyReceived', SYSTEM, 'email', now, details, { number: request.revisionNumber, hash: request.revisionHash });
      }
      return true;
    })();
    if (!recorded || !post) return;
    this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
    this.deps.events.emit({ type: 'alert', messageKey: 'signoff.alerts.unreadableReply', params: { title: post.title, from: from || '?' }, severity: 'error', postId: post.id });
  }

  private requestOf(headers: InboundMessage) {
    const token = findTokens(headers.subject)[0];
    if (token) return this.deps.signoff.request(token.requestId);
    return this.deps.signoff.newestRequestForMessages(headers.threadIds);
  }
}
