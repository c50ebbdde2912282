import type { Partner } from '../../../shared/partners/schema';
import type { InboundMessage } from '../mail/inboundMessage';
import type { SignoffDeps } from './deps';
import { isRequestSubject } from './email/requestSubjects';
import type { SignoffRequest } from './repository';

/** Why a partner's message was tied to no request. */
export type UntiedReason = 'noOpenRequest' | 'severalOpenRequests' | 'earlierRequests' | 'otherSubject' | 'sharedAddress';

export type SubjectMatch = { kind: 'matched'; request: SignoffRequest } | { kind: 'untied'; partner: Partner; reason: UntiedReason } | { kind: 'notPartner' };

/**
 * A reply that names no request (no token, no In-Reply-To or References: Outlook sometimes
 * sends Thread-Index alone) is tied by its subject only when that cannot be a guess: it comes
 * from one partner's registered address, that partner has exactly one open request, the only
 * one its post ever had, and the subject is that request's own (after "RE :", "TR :", "AW:", "Fwd:"). Anything else from a
 * partner is untied, and the caller says so; mail from anyone else is none of ours.
 */
export function matchBySubject(deps: Pick<SignoffDeps, 'partners' | 'signoff' | 'posts'>, message: InboundMessage): SubjectMatch {
  const [address] = message.from;
  if (message.from.length !== 1 || address === undefined) return { kind: 'notPartner' };
  const partners = deps.partners.list(true).filter((p) => p.signoffEmail.trim().toLowerCase() === address);
  const [partner] = partners;
  if (partner === undefined) return { kind: 'notPartner' };
  if (partners.length > 1) return { kind: 'untied', partner, reason: 'sharedAddress' };
  const open = deps.signoff.openRequestsOfPartner(partner.id);
  const [request] = open;
  if (request === undefined) return { kind: 'untied', partner, reason: 'noOpenRequest' };
  if (open.length > 1) return { kind: 'untied', partner, reason: 'severalOpenRequests' };
  // Every request of a post has a subject with its title: after a second request (a new version),
  // a reply to the first one would read as a reply to the open one, and approve a text never seen.
  if (deps.signoff.requestCount(request.postId) > 1) return { kind: 'untied', partner, reason: 'earlierRequests' };
  const post = deps.posts.get(request.postId);
  if (!post || !isRequestSubject(message.subject, { title: post.title, texts: request.content.texts })) return { kind: 'untied', partner, reason: 'otherSubject' };
  return { kind: 'matched', request };
}
