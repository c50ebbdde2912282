import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { mailFailureText } from '../accounts/mailFailure';
import { api } from '../api';
import { useInvalidateOn } from '../api/useInvalidateOn';
import { useDateFormat } from '../ui/useDateFormat';

const queueKey = ['digest', 'queue'] as const;

/** Digests that have not reached their partner (or failed for good): the Envoi page, beside sign-off emails. */
export function DigestEmailQueue() {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const waiting = useQuery({ queryKey: queueKey, queryFn: () => api.call('digest.queue', {}) }).data;
  useInvalidateOn(queueKey, ['outbox.changed', 'events.resync']);
  if (!waiting || waiting.length === 0) return null;
  return (
    <section className="digest-email-queue" aria-labelledby="digest-email-queue-title" data-testid="digest-email-queue">
      <h2 id="digest-email-queue-title">{t('digest.queue.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('digest.queue.partner')}</th>
            <th>{t('digest.queue.period')}</th>
            <th>{t('digest.queue.state')}</th>
            <th>{t('digest.queue.error')}</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((email) => (
            <tr key={email.jobId} data-state={email.state}>
              <td>
                {email.partnerName} <span className="muted small">{email.to}</span>
              </td>
              <td>{email.periodKey}</td>
              <td>
                {t(`digest.queue.states.${email.state}`)}
                {email.nextTryAt === null ? null : <span className="muted small"> · {dateTime(email.nextTryAt)}</span>}
              </td>
              <td>{email.failure ? mailFailureText(t, email.failure) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
