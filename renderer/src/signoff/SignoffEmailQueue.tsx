import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { mailFailureText } from '../accounts/mailFailure';
import { api } from '../api';
import { useInvalidateOn } from '../api/useInvalidateOn';
import { useDateFormat } from '../ui/useDateFormat';

const queueKey = ['signoff', 'emailQueue'] as const;

/**
 * The Envoi page's sign-off section: each request or reminder email that has not reached the
 * partner, with its state, why (a translated sentence saying what to do: a server name that
 * does not resolve, a refused port, the server's own 5xx words, no account; the raw error is in
 * plume.log), the attempts so far out of the outbox's limit and the next try. One that failed
 * for good can be tried again once the cause is fixed. Nothing waits unseen.
 */
export function SignoffEmailQueue({ onOpenPost }: { onOpenPost: (postId: string) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const [retrying, setRetrying] = useState<number | null>(null);
  const waiting = useQuery({ queryKey: queueKey, queryFn: () => api.call('signoff.emailQueue', {}) }).data;
  useInvalidateOn(queueKey, ['outbox.changed', 'signoff.changed', 'events.resync']);
  if (!waiting || waiting.length === 0) return null;
  const retry = (jobId: number) => {
    setRetrying(jobId);
    void api
      .call('outbox.retry', { id: jobId })
      .catch(() => undefined)
      .finally(() => {
        setRetrying(null);
        void queryClient.invalidateQueries({ queryKey: queueKey });
      });
  };
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
            <tr key={email.jobId} data-state={email.state} data-testid="signoff-email-row">
              <td>
                <button type="button" className="link" onClick={() => onOpenPost(email.postId)}>
                  {email.title || t('posts.untitled')}
                </button>{' '}
                <span className="muted small">{t(`signoff.emailQueue.purpose.${email.purpose}`)}</span>
              </td>
              <td>
                {email.partnerName} <span className="muted small">{email.to}</span>
              </td>
              <td data-testid="signoff-email-state">{t(`signoff.emailQueue.states.${email.state}`)}</td>
              <td data-testid="signoff-email-reason">
                {email.failure ? mailFailureText(t, email.failure) : '—'}
                {email.state === 'failed' ? (
                  <>
                    {' '}
                    <span className="muted small">{t('signoff.emailQueue.retryHint')}</span>{' '}
                    <button type="button" onClick={() => retry(email.jobId)} disabled={retrying === email.jobId}>
                      {t('signoff.emailQueue.retry')}
                    </button>
                  </>
                ) : null}
              </td>
              <td data-testid="signoff-email-attempts">{t('signoff.emailQueue.attemptsOf', { attempts: email.attempts, max: email.maxAttempts })}</td>
              <td>{email.nextTryAt === null ? '—' : dateTime(email.nextTryAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
