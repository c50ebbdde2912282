import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { useInvalidateOn } from '../api/useInvalidateOn';
import { useDateFormat } from '../ui/useDateFormat';

const queueKey = ['signoff', 'emailQueue'] as const;

/**
 * The Envoi page's sign-off section: each request or reminder email that has not reached the
 * partner, with its state, the mail server's own reason (ECONNREFUSED, authentication failed,
 * no account), the attempts so far and the next try. Nothing waits unseen.
 */
export function SignoffEmailQueue({ onOpenPost }: { onOpenPost: (postId: string) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const waiting = useQuery({ queryKey: queueKey, queryFn: () => api.call('signoff.emailQueue', {}) }).data;
  useInvalidateOn(queueKey, ['outbox.changed', 'signoff.changed', 'events.resync']);
  if (!waiting || waiting.length === 0) return null;
  return (
    <section className="signoff-email-queue" aria-labelledby="signoff-email-queue-title" data-testid="signoff-email-queue">
      <h2 id="signoff-email-queue-title">{t('signoff.emailQueue.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('signoff.emailQueue.post')}</th>
            <th>{t('signoff.emailQueue.to')}</th>
            <th>{t('signoff.emailQueue.state')}</th>
            <th>{t('signoff.emailQueue.reason')}</th>
            <th>{t('signoff.emailQueue.attempts')}</th>
            <th>{t('signoff.emailQueue.nextTry')}</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((email) => (
            <tr key={email.jobId} data-state={email.state}>
              <td>
                <button type="button" className="link" onClick={() => onOpenPost(email.postId)}>
                  {email.title || email.postId}
                </button>{' '}
                <span className="muted small">{t(`signoff.emailQueue.purpose.${email.purpose}`)}</span>
              </td>
              <td>
                {email.partnerName} <span className="muted small">{email.to}</span>
              </td>
              <td>{t(`signoff.emailQueue.states.${email.state}`)}</td>
              <td className="network-message">{email.lastError ?? '—'}</td>
              <td>{email.attempts}</td>
              <td>{email.nextTryAt === null ? '—' : dateTime(email.nextTryAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
