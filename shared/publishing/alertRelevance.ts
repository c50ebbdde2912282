import type { PostPublication } from './publication';

/** What of a core `alert` event decides whether it still needs the community manager. */
export interface AlertSubject {
  messageKey: string;
  params: Record<string, string | number>;
}

/**
 * Whether a publication alert still asks something of the community manager, given the post's
 * publication as it is now: "time to publish by hand" goes once that network is published (or
 * the round closed), "missed" once a decision is taken, "failed" once retried or withdrawn,
 * "could not withdraw from the instance" once the instance deleted it; any
 * alert about a post that is now published goes, except the one saying so. Alerts of other
 * features are left as they are.
 */
export function alertStillDue(alert: AlertSubject, now: Pick<PostPublication, 'status' | 'publications'>): boolean {
  if (!alert.messageKey.startsWith('publishing.alerts.')) return true;
  if (alert.messageKey === 'publishing.alerts.published') return true;
  if (now.status === 'published') return false;
  switch (alert.messageKey) {
    case 'publishing.alerts.manualDue': {
      const network = alert.params.networkId;
      return now.publications.some((p) => p.state === 'awaiting_manual' && (network === undefined || p.network === network));
    }
    case 'publishing.alerts.missed':
      return now.status === 'missed';
    case 'publishing.alerts.failed':
      return now.status === 'failed' || now.publications.some((p) => p.state === 'failed');
    case 'publishing.alerts.withdrawFailed':
      return now.publications.some((p) => p.withdrawal !== null);
    default:
      return true;
  }
}
