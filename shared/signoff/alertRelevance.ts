import type { PostStatus } from '../posts/schema';
import type { AlertSubject } from '../publishing/alertRelevance';
import type { SignoffStatus } from './schema';

/** Where a post's sign-off stands: what a sign-off alert about it was said of. */
export interface SignoffRound {
  status: PostStatus;
  /** The post's latest request (open or closed); null before the first. */
  requestId: string | null;
  /** An edit voided the approval and nothing was asked since. */
  approvalVoided: boolean;
}

export const signoffRound = (status: Pick<SignoffStatus, 'status' | 'request' | 'approvalVoided'>): SignoffRound => ({
  status: status.status,
  requestId: status.request?.id ?? null,
  approvalVoided: status.approvalVoided !== null,
});

/**
 * Whether a sign-off alert about a post still holds, given where its sign-off stood when the
 * alert came (`at`; null when that is not known yet) and where it stands now. Every sign-off
 * alert speaks of one round of the post's sign-off (a request expired, an email not delivered,
 * a reply refused, an approval voided…): once the post is asked again (a new request), decided,
 * withdrawn or published, its status or its latest request is another and the alert goes, as
 * publication alerts go once handled (shared/publishing/alertRelevance.ts). "Approval voided"
 * also goes as soon as a request follows it, even before `at` is known. Alerts of other features
 * are left as they are.
 */
export function signoffAlertStillDue(alert: AlertSubject, at: SignoffRound | null, now: SignoffRound): boolean {
  if (!alert.messageKey.startsWith('signoff.alerts.')) return true;
  if (alert.messageKey === 'signoff.alerts.approvalVoided' && !now.approvalVoided) return false;
  return at === null || (at.status === now.status && at.requestId === now.requestId);
}
