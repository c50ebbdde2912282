import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Partner } from '../../../shared/partners/schema';
import { canAskSignoff, canTransition } from '../../../shared/signoff/lifecycle';
import type { SignoffRequestView } from '../../../shared/signoff/schema';
import { mailFailureText } from '../accounts/mailFailure';
import { api } from '../api';
import { usePartners } from '../app/queries';
import { RecordExportButton } from '../records/RecordExportButton';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { DecisionForm } from './DecisionForm';
import { NoMailAccount } from './NoMailAccount';
import { RequestForm } from './RequestForm';
import { SignoffComments } from './SignoffComments';
import { SignoffDiff } from './SignoffDiff';
import { SignoffHistory } from './SignoffHistory';
import { SignoffSuggestion } from './SignoffSuggestion';
import { signoffKeys, useSignoffEvents, useSignoffStatus } from './queries';
import { useZoneNames } from '../time/useZoneNames';
import { AppLink } from '../ui/AppLink';
import { bounceOf } from './bounce';
import { useSignoffHistory } from './queries';
import type { AuditEntry } from '../../../shared/signoff/audit';
import './signoff.css';

type Mode = 'idle' | 'request' | 'decision';

/**
 * The partner's reply that held the post after her approval (replies.ts, `holdAfterApproval`):
 * the last hold's reason, with her name and words from the reply it names. Null for another hold.
 */
function withdrawalOf(history: readonly AuditEntry[]): { name: string; words: string } | null {
  const hold = history.findLast((e) => e.action === 'hold');
  if (hold?.details.reason !== 'partnerWithdrew') return null;
  const reply = history.findLast((e) => e.action === 'replyReceived' && e.details.afterApproval === true && e.details.messageId === hold.details.messageId);
  const comment = hold.details.comment;
  const words = typeof comment === 'string' ? comment.replace(/\s+/gu, ' ').trim() : '';
  return { name: reply?.actor.name ?? '', words: words.length > 300 ? `${words.slice(0, 299)}…` : words };
}

/** The latest request: which version, when it is due (the community manager's and the partner's time), its email. */
function RequestSummary({ request, partner }: { request: SignoffRequestView; partner: Partner | undefined }) {
  const { t } = useTranslation();
  const { dateTime, relative } = useDateFormat();
  const { timeName: zoneName } = useZoneNames();
  const email = request.email;
  const bounce = request.channel === 'email' ? bounceOf(email) : null;
  const yours = request.deadlineAt === null ? '' : dateTime(request.deadlineAt);
  const theirs = request.deadlineAt === null || !partner ? null : dateTime(request.deadlineAt, partner.timeZone);
  return (
    <dl className="signoff-request" data-testid="signoff-request" data-state={request.state} data-email={email.state}>
      <dt>{t('signoff.request.heading')}</dt>
      <dd>
        {t('signoff.request.revision', { number: request.revisionNumber })} ·{' '}
        {bounce !== null && request.state === 'open' ? t('signoff.request.notDelivered') : t(`signoff.request.state.${request.state}`)}
        <br />
        <span className="muted small">{t('signoff.request.askedAt', { when: relative(request.createdAt) })}</span>
      </dd>
      <dt>{t('signoff.request.deadline')}</dt>
      <dd data-testid="signoff-deadline">
        {request.deadlineAt === null ? (
          t('signoff.request.noDeadline')
        ) : partner && theirs === yours ? (
          // The same time in both zones: said once.
          t('signoff.request.deadlineSame', { when: yours, zone: zoneName(partner.timeZone) })
        ) : (
          <>
            {t('signoff.request.deadlineYours', { when: yours })}
            {partner && theirs !== null ? (
              <>
                <br />
                {t('signoff.request.deadlinePartner', { when: theirs, zone: zoneName(partner.timeZone) })}
              </>
            ) : null}
          </>
        )}
      </dd>
      {request.channel === 'email' ? (
        <dd className={`signoff-email ${bounce === null ? email.state : 'failed'}`} data-testid="signoff-email" data-state={bounce === null ? email.state : 'bounced'}>
          {bounce !== null ? (
            <>
              {t(`signoff.request.email.bounced.${bounce}`)}
              {email.failure?.response ? (
                <span className="small muted signoff-server-words">
                  {' '}
                  {t('signoff.request.email.serverSaid', { words: email.failure.response })}
                </span>
              ) : null}
            </>
          ) : email.state === 'queued' && email.failure !== null
            ? t('signoff.request.email.queuedBecause', { reason: mailFailureText(t, email.failure), attempts: email.attempts, max: email.maxAttempts })
            : t(`signoff.request.email.${email.state}`, { error: email.failure ? mailFailureText(t, email.failure) : '' })}
          {request.remindersSent > 0 ? ` · ${t('signoff.request.reminders', { count: request.remindersSent })}` : ''}
        </dd>
      ) : null}
    </dl>
  );
}

/**
 * A post's sign-off, beside the editor: where it stands, the latest request, the actions
 * (request, withdraw, record a decision), what changed since the partner's version, comments
 * and the audit trail. Kept fresh by core's events.
 */
/** `requestNote`: what the page adds to the request form for the community manager only. */
export function SignoffPanel({ postId, requestNote }: { postId: string; requestNote?: ReactNode }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  useSignoffEvents(postId);
  const status = useSignoffStatus(postId).data;
  const history = useSignoffHistory(postId).data;
  const post = useQuery({ queryKey: ['posts', 'detail', postId], queryFn: () => api.call('posts.get', { id: postId }) });
  const partners = usePartners(true);
  const partner = partners.data?.find((p) => p.id === post.data?.partnerId);
  const [mode, setMode] = useState<Mode>('idle');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: signoffKeys.post(postId) });
  const done = () => {
    setMode('idle');
    void refresh();
  };

  const withdraw = async () => {
    if (!window.confirm(t('signoff.actions.withdrawConfirm'))) return;
    setError(null);
    try {
      await api.call('signoff.withdraw', { postId });
      await refresh();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  const checkInbox = async () => {
    setError(null);
    setNotice(null);
    try {
      const result = await api.call('signoff.checkInbox', {});
      if (result.checked) setNotice(t('signoff.actions.checked', { count: result.processed }));
      else setError(t('signoff.actions.checkFailed'));
      await refresh();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  if (!status) return <aside className="signoff-panel" aria-busy="true" />;
  const canRequest = canAskSignoff(status.status);
  const canDecide = status.status === 'in_review' || canRequest;
  const canWithdraw = canTransition(status.status, 'withdraw');
  // The version the partner approved: the voided request's own, which the status's latest request is until a new one.
  const voidedRequest = status.approvalVoided && status.request?.id === status.approvalVoided.requestId ? status.request : null;
  const approvedVersion = voidedRequest?.revisionNumber ?? null;
  // The request never reached the partner: blocked until their address is corrected and it is sent again.
  const bounced = status.status === 'in_review' && status.request?.state === 'open' && status.request.channel === 'email' && bounceOf(status.request.email) !== null;
  const withdrawal = status.status === 'held' ? withdrawalOf(history ?? []) : null;
  const partnerName = partner?.displayName ?? t('signoff.approvedNotice.thePartner');

  return (
    <aside className="signoff-panel" aria-labelledby={`signoff-title-${postId}`} data-testid="signoff-panel">
      <h2 id={`signoff-title-${postId}`}>{t('signoff.title')}</h2>
      <p>
        <span
          className={`status-badge status-${bounced ? 'blocked' : status.status}`}
          data-testid="signoff-status"
          data-status={status.status}
          data-blocked={bounced ? 'bounced' : undefined}
        >
          {bounced ? t('signoff.blocked.badge') : t(`signoff.status.${status.status}`)}
        </span>
      </p>
      {bounced ? (
        <div className="banner error signoff-blocked" role="alert" data-testid="signoff-blocked">
          <div>
            <p>{t('signoff.blocked.body', { name: partnerName })}</p>
            <div className="signoff-actions">
              {partner ? (
                <AppLink to={`#/partners/${partner.id}`} className="button-link">
                  {t('signoff.blocked.fixAddress', { name: partner.displayName })}
                </AppLink>
              ) : null}
              <button type="button" className="primary" onClick={() => setMode('request')}>
                {t('signoff.blocked.resend')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {withdrawal ? (
        <div className="banner error signoff-after-approval" role="alert" data-testid="signoff-after-approval">
          <div>
            <strong>{t('signoff.afterApproval.title')}</strong>{' '}
            {withdrawal.words === ''
              ? t('signoff.afterApproval.bodyNoWords', { name: withdrawal.name || partnerName })
              : t('signoff.afterApproval.body', { name: withdrawal.name || partnerName, words: withdrawal.words })}
            <p className="small">{t('signoff.afterApproval.then')}</p>
            <div className="signoff-actions">
              <button type="button" className="primary" onClick={() => setMode('request')}>
                {t('signoff.afterApproval.reRequest')}
              </button>
              <button type="button" onClick={() => setMode('decision')}>
                {t('signoff.afterApproval.confirm')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {status.approvalValid ? (
        <p className="hint">
          {t('signoff.approvalValid')} <code title={status.currentHash}>{t('signoff.fingerprint', { hash: status.currentHash.slice(0, 12) })}</code>
        </p>
      ) : null}
      {status.approvalVoided ? (
        <div className="banner warn signoff-voided" role="alert" data-testid="approval-voided">
          <div>
            <strong>{t('signoff.voided.title')}</strong>{' '}
            {approvedVersion === null
              ? t('signoff.voided.bodyNoVersion', { when: dateTime(status.approvalVoided.at) })
              : t('signoff.voided.body', { number: approvedVersion, when: dateTime(status.approvalVoided.at) })}
          </div>
        </div>
      ) : null}
      {status.request ? <RequestSummary request={status.request} partner={partner} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="hint" role="status">
          {notice}
        </p>
      ) : null}
      {mode === 'idle' ? (
        <div className="signoff-actions">
          {canRequest ? (
            <button className="primary" onClick={() => setMode('request')}>
              {t('signoff.actions.request')}
            </button>
          ) : null}
          {canDecide ? <button onClick={() => setMode('decision')}>{t('signoff.actions.record')}</button> : null}
          {canWithdraw ? <button onClick={() => void withdraw()}>{t('signoff.actions.withdraw')}</button> : null}
          {status.request?.state === 'open' && status.request.channel === 'email' ? (
            <button className="link" onClick={() => void checkInbox()}>
              {t('signoff.actions.checkInbox')}
            </button>
          ) : null}
        </div>
      ) : mode === 'request' && status.partnerHasEmail && !status.mailAccountConfigured ? (
        <NoMailAccount onRecordDecision={() => setMode('decision')} onCancel={() => setMode('idle')} />
      ) : mode === 'request' ? (
        <RequestForm postId={postId} partnerHasEmail={status.partnerHasEmail} note={requestNote} onDone={done} onCancel={() => setMode('idle')} />
      ) : (
        <DecisionForm postId={postId} partnerName={partner?.displayName ?? ''} onDone={done} onCancel={() => setMode('idle')} />
      )}
      <SignoffSuggestion postId={postId} />
      <SignoffDiff postId={postId} />
      <SignoffComments postId={postId} />
      <SignoffHistory postId={postId} />
      <RecordExportButton scope={{ kind: 'post', postId }} label={t('records.exportPost')} />
    </aside>
  );
}
