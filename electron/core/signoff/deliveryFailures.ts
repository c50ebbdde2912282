import type { DeliveryReport } from '../mail/deliveryReport';
import type { InboundMessage } from '../mail/inboundMessage';
import type { SignoffDeps } from './deps';
import { inboundFacts } from './inboundFacts';

export interface BounceFacts {
  message: InboundMessage;
  report: DeliveryReport;
  receivedAt: number | null;
  /** Stands in for a missing Message-ID. */
  sourceDigest: string;
}

const SYSTEM = { kind: 'system', name: '' } as const;

/** Why a request bounced, as the post says it: an address the partner's server does not know, or another refusal. */
export type BounceCause = 'unknownAddress' | 'refused';

/** RFC 3463 5.1.x (bad destination mailbox or address) and the words servers put with it. */
const UNKNOWN_ADDRESS = /\b5\.1\.[0-3]\b|user unknown|unknown user|no such user|does(?: not|n't) exist|recipient address rejected|address rejected|mailbox unavailable|invalid recipient|adresse inconnue/iu;

export const bounceCause = (diagnostic: string): BounceCause => (UNKNOWN_ADDRESS.test(diagnostic) ? 'unknownAddress' : 'refused');

/**
 * A request email that bounced: the server's report is tied to its request (by In-Reply-To,
 * or by the request's Message-ID in the headers the report returns), audited on the post,
 * logged, and the community manager told to check the partner's address and send again. The
 * request is not decided. A report about mail that is not ours is only logged.
 */
export class DeliveryFailures {
  constructor(private readonly deps: SignoffDeps) {}

  record(facts: BounceFacts): void {
    const { message, report } = facts;
    const now = this.deps.clock.now();
    const receivedAt = Math.min(facts.receivedAt ?? now, now);
    const messageId = message.messageId ?? facts.sourceDigest;
    const request = this.deps.signoff.newestRequestForMessages([...message.threadIds, ...report.originalMessageIds]);
    const post = request === null ? null : this.deps.posts.get(request.postId);
    const partner = request === null ? null : this.deps.partners.get(request.partnerId);
    const address = report.recipients.join(', ') || partner?.signoffEmail || '?';
    const diagnostic = report.diagnostic || '?';
    this.deps.log.error(
      `delivery failure reported by ${message.from.join(', ') || 'unknown sender'} for ${address}: ${diagnostic}` +
        (post ? ` (sign-off request ${request?.id ?? ''} of post ${post.id})` : ' (no sign-off request of ours)'),
    );
    const recorded = this.deps.db.transaction((): boolean => {
      if (this.deps.replies.inboundHandled(messageId)) return false;
      this.deps.replies.recordInbound(messageId, request?.id ?? null, post ? 'received' : 'unmatched', 'deliveryFailed', receivedAt, now);
      if (request !== null && post) {
        const details = {
          ...inboundFacts(message, request.id, messageId, receivedAt),
          applied: false,
          reason: 'deliveryFailed',
          bounce: bounceCause(diagnostic),
          recipients: report.recipients,
          diagnostic,
        };
        this.deps.transitions.record(post, 'replyReceived', SYSTEM, 'email', now, details, { number: request.revisionNumber, hash: request.revisionHash });
      }
      return true;
    })();
    if (!recorded || !post) return;
    this.deps.events.emit({ type: 'signoff.changed', postId: post.id });
    this.deps.events.emit({ type: 'alert', messageKey: 'signoff.alerts.deliveryFailed', params: { title: post.title, address, diagnostic: diagnostic.slice(0, 300) }, severity: 'error', postId: post.id });
  }
}
