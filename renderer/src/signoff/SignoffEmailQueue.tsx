import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { mailFailureText } from '../accounts/mailFailure';
import { api } from '../api';
import { useInvalidateOn } from '../api/useInvalidateOn';
import { useDateFormat } from '../ui/useDateFormat';
import { bounceOf } from './bounce';

const queueKey = ['signoff', 'emailQueue'] as const;

/**
 * The Envoi page's sign-off section, always shown (the page says everything that leaves passes
 * there): each request or reminder email waiting, failed, or sent in the last week, with its
 * post, partner, state and why (a translated sentence saying what to do: a server name that
 * does not resolve, a refused port, the server's own 5xx words, no account; the raw error is in
 * plume.log), the attempts so far out of the outbox's limit and the next try. One that failed
 * for good can be tried again once the cause is fixed; one the partner's server returned
 * (« Non remis ») asks for the address to be corrected and the request sent again from its post.
 */
export function SignoffEmailQueue({ onOpenPost }: { onOpenPost: (postId: string) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const [retrying, setRetrying] = useState<number | null>(null);
  const waiting = useQuery({ queryKey: queueKey, queryFn: () => api.call('signoff.emailQueue', {}) }).data;
  useInvalidateOn(queueKey, ['outbox.changed', 'signoff.changed', 'events.resync']);
  if (!waiting) return null;
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
    <section className="outbox-section signoff-email-queue" aria-labelledby="signoff-email-queue-title" data-testid="signoff-email-queue">
      <h2 id="signoff-email-queue-title">{t('signoff.emailQueue.title')}</h2>
      {waiting.length === 0 ? <p className="muted">{t('signoff.emailQueue.empty')}</p> : null}
      {waiting.length === 0 ? null : (
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
            {waiting.map((email) => {
              const bounce = bounceOf(email);
              return (
                <tr key={email.jobId} data-state={bounce === null ? email.state : 'bounced'} data-testid="signoff-email-row">
                  <td>
                    <button type="button" className="link" onClick={() => onOpenPost(email.postId)}>
                      {email.title || t('posts.untitled')}
                    </button>{' '}
                    <span className="muted small">{t(`signoff.emailQueue.purpose.${email.purpose}`)}</span>
                  </td>
                  <td>
                    {email.partnerName} <span className="muted small">{email.to}</span>
                  </td>
                  <td data-testid="signoff-email-state" className={bounce === null ? undefined : 'error-text'}>
                    {t(`signoff.emailQueue.states.${bounce === null ? email.state : 'bounced'}`)}
                  </td>
                  <td data-testid="signoff-email-reason">
                    {bounce !== null ? (
                      <>
                        <span className="error-text">{t(`signoff.request.email.bounced.${bounce}`)}</span>
                        {email.failure?.response ? (
                          <span className="muted small">
                            {' '}
                            {t('signoff.request.email.serverSaid', { words: email.failure.response })}
                          </span>
                        ) : null}{' '}
                        <span className="muted small">{t('signoff.emailQueue.bouncedHint')}</span>{' '}
                        <button type="button" onClick={() => onOpenPost(email.postId)}>
                          {t('signoff.emailQueue.openPost')}
                        </button>
                      </>
                    ) : email.failure ? (
                      mailFailureText(t, email.failure)
                    ) : (
                      '—'
                    )}
                    {email.state === 'failed' && bounce === null ? (
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
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
