import { useTranslation } from 'react-i18next';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import type { TryFailure } from '../../../shared/publishing/failure';
import type { PublicationJob, PublicationReason, PublicationState, Withdrawal } from '../../../shared/publishing/publication';
import { useDateFormat } from '../ui/useDateFormat';

/** What a publication row needs to say where it stands and why. */
export interface PublicationFacts {
  network: Network;
  state: PublicationState;
  job: PublicationJob | null;
  dueAt: number;
  failure: TryFailure | null;
  reason: PublicationReason | null;
  withdrawal: Withdrawal | null;
}

/** Plume's own refusals explain themselves: the network said nothing. */
const PLUME_REFUSALS: ReadonlySet<PublicationReason> = new Set(['contentChanged', 'notApproved', 'accountMissing', 'mediaMissing', 'unverifiable']);

/**
 * The sentences under a publication's state, in the post's panel and on the Envoi page: why the
 * last try failed and when the next one is (queued again), why it failed for good and what to do
 * (failed), the call-back of a post an instance held (withdrawing), and the network's own words
 * as a quote, never a status code.
 */
export function PublicationDetail({ publication }: { publication: PublicationFacts }) {
  const { t } = useTranslation();
  const { dateTime, time } = useDateFormat();
  const network = networkLabels[publication.network];
  const { job, withdrawal, failure, reason } = publication;
  const quote = (said: string | undefined) =>
    said === undefined || said === '' ? null : (
      <p className="network-message" data-testid="network-message">
        {t('publishing.networkSaid', { network, said })}
      </p>
    );

  if (withdrawal !== null) {
    const failing = withdrawal.state === 'failed' || withdrawal.attempts >= 2;
    return (
      <div className={failing ? 'publication-error' : 'muted'} role={failing ? 'alert' : 'status'} data-testid="withdrawal">
        <p>{failing ? t('publishing.withdrawal.failed', { network, due: dateTime(publication.dueAt) }) : t('publishing.withdrawal.pending', { network })}</p>
        {withdrawal.state === 'queued' && withdrawal.lastTry !== null ? (
          <p>{failing ? t('publishing.withdrawal.stillTrying', { when: dateTime(withdrawal.notBefore) }) : t('publishing.withdrawal.retry', { when: dateTime(withdrawal.notBefore) })}</p>
        ) : null}
        {failing && withdrawal.instanceUrl !== null ? (
          <a href={withdrawal.instanceUrl} target="_blank" rel="noopener noreferrer" data-testid="withdrawal-instance">
            {t('publishing.withdrawal.openInstance')}
          </a>
        ) : null}
        {quote(withdrawal.lastTry?.said)}
      </div>
    );
  }

  if (publication.state === 'queued' && job !== null && job.state === 'queued') {
    const last = job.lastTry;
    if (last !== null && last.cause !== 'notYet') {
      return (
        <div className="muted" role="status" data-testid="retry-reason">
          <p>
            {t(`publishing.retrying.${last.cause}`, { network, when: dateTime(job.notBefore), since: time(last.since ?? job.notBefore) })}
            {job.attempts > 0 ? ` ${t('publishing.nextTryCount', { attempts: job.attempts + 1 })}` : ''}
          </p>
          {quote(last.said)}
        </div>
      );
    }
    return job.attempts > 0 && last === null ? <p className="muted">{t('publishing.nextTry', { when: dateTime(job.notBefore), attempts: job.attempts + 1 })}</p> : null;
  }

  if (publication.state === 'failed') {
    return (
      <>
        {reason !== null ? <p>{t(`publishing.reason.${reason}`)}</p> : failure !== null ? <p>{t(`publishing.failure.${failure.cause}`, { network })}</p> : null}
        {reason !== null && PLUME_REFUSALS.has(reason) ? null : quote(failure?.said)}
      </>
    );
  }
  return null;
}
