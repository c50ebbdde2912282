import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Partner } from '../../../shared/partners/schema';
import { canAskSignoff, canTransition } from '../../../shared/signoff/lifecycle';
import type { SeenRevision, SignoffRequestView } from '../../../shared/signoff/schema';
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
/** The buttons that open a form (`data-opener`): where the focus goes back when it closes. */
type Opener = 'request' | 'decision' | 'resend' | 'reRequest' | 'confirm';

/** A form's first field (a checked radio, a text field), else its first control: where the focus goes when it opens. */
function firstField(box: HTMLElement): HTMLElement | null {
  return box.querySelector<HTMLElement>('input:checked, input:not([type=radio]), select, textarea') ?? box.querySelector<HTMLElement>('input, button, a[href], [tabindex="0"]');
}

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
  // The text the decision form was opened on: the one the partner heard, which core checks is still the post's.
  const [seen, setSeen] = useState<SeenRevision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const formBox = useRef<HTMLDivElement>(null);
  const opener = useRef<Opener | null>(null);
  // Set by opening or closing a form, taken by the effect once the panel shows what comes next.
  const focusNext = useRef<'form' | 'opener' | 'heading' | null>(null);

  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next === null) return;
    // The button that went away took the focus with it: without this it falls to <body>.
    if (next === 'form') {
      if (formBox.current) firstField(formBox.current)?.focus();
      return;
    }
    const button = next === 'opener' && opener.current !== null ? panel.current?.querySelector<HTMLElement>(`[data-opener="${opener.current}"]`) : null;
    (button ?? panel.current?.querySelector<HTMLElement>('h2'))?.focus();
  }, [mode]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: signoffKeys.post(postId) });
  const open = (next: Exclude<Mode, 'idle'>, from: Opener | null) => {
    // From the no-mail notice to the decision form: closing it goes back to what opened the notice.
    if (mode === 'idle' || from !== null) opener.current = from;
    if (next === 'decision' && status) setSeen({ number: status.revisionNumber, hash: status.currentHash });
    focusNext.current = 'form';
    setMode(next);
  };
  const close = () => {
    focusNext.current = 'opener';
    setMode('idle');
  };
  const done = () => {
    // What opened the form may go with the new status: the panel's heading, which always stays.
    focusNext.current = 'heading';
    setMode('idle');
    void refresh();
  };
  // Escape closes the open form (what was saved stays saved); not when it closes a date picker inside it.
  const escape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (event.target instanceof Element && event.target.closest('[popover]') !== null) return;
    event.preventDefault();
    close();
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
    <aside ref={panel} className="signoff-panel" aria-labelledby={`signoff-title-${postId}`} data-testid="signoff-panel">
      {/* tabIndex -1: where the focus goes when a form closes and its opener went with the new status. */}
      <h2 id={`signoff-title-${postId}`} tabIndex={-1}>
        {t('signoff.title')}
      </h2>
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
              <button type="button" className="primary" data-opener="resend" onClick={() => open('request', 'resend')}>
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
              <button type="button" className="primary" data-opener="reRequest" onClick={() => open('request', 'reRequest')}>
                {t('signoff.afterApproval.reRequest')}
              </button>
              <button type="button" data-opener="confirm" onClick={() => open('decision', 'confirm')}>
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
            <button className="primary" data-opener="request" onClick={() => open('request', 'request')}>
              {t('signoff.actions.request')}
            </button>
          ) : null}
          {canDecide ? (
            <button data-opener="decision" onClick={() => open('decision', 'decision')}>
              {t('signoff.actions.record')}
            </button>
          ) : null}
          {canWithdraw ? <button onClick={() => void withdraw()}>{t('signoff.actions.withdraw')}</button> : null}
          {status.request?.state === 'open' && status.request.channel === 'email' ? (
            <button className="link" onClick={() => void checkInbox()}>
              {t('signoff.actions.checkInbox')}
            </button>
          ) : null}
        </div>
      ) : (
        <div ref={formBox} onKeyDown={escape}>
          {mode === 'request' && status.partnerHasEmail && !status.mailAccountConfigured ? (
            <NoMailAccount onRecordDecision={() => open('decision', null)} onCancel={close} />
          ) : mode === 'request' ? (
            <RequestForm postId={postId} partnerHasEmail={status.partnerHasEmail} note={requestNote} onDone={done} onCancel={close} />
          ) : seen !== null ? (
            <DecisionForm postId={postId} partnerName={partner?.displayName ?? ''} revision={seen} onDone={done} onCancel={close} />
          ) : null}
        </div>
      )}
      <SignoffSuggestion postId={postId} />
      <SignoffDiff postId={postId} />
      <SignoffComments postId={postId} />
      <SignoffHistory postId={postId} />
      <RecordExportButton scope={{ kind: 'post', postId }} label={t('records.exportPost')} />
    </aside>
  );
}
