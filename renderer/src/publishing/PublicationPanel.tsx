import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { useZoneNames } from '../time/useZoneNames';
import { userZone } from '../time/userZone';
import { fromLocalInput } from '../time/localInput';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import type { PostPublication, PublicationView } from '../../../shared/publishing/publication';
import { MediaEditor } from './MediaEditor';
import { NextFreeSlot } from './NextFreeSlot';
import { ScheduleForm } from './ScheduleForm';
import { publishingKeys, usePublication, usePublishingEvents } from './queries';
import { FirstCommentStatus } from '../threads/FirstCommentStatus';
import { PublicationDetail } from './PublicationDetail';
import { shownState } from './shownState';
import './publishing.css';
import { DateTimeField } from '../time/fields/TypedField';


/**
 * The post editor's publication panel: per network the account it goes out as, where its
 * publication stands (queued, sending, published with its link, failed with the network's
 * words and a retry), the decision a missed slot waits for, and the manual publication
 * (copy the text, open the network, paste the link back). Also the post's images.
 */
export function PublicationPanel({ postId }: { postId: string }) {
  const { t } = useTranslation();
  usePublishingEvents();
  const query = usePublication(postId);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { dateTime } = useDateFormat();
  const { timeName: zoneName } = useZoneNames();
  const data = query.data;
  if (!data) return null;

  const run: Run = async (action, onFieldErrors, done) => {
    setError(null);
    setNotice(null);
    try {
      queryClient.setQueryData(publishingKeys.status(postId), await action());
      if (done !== undefined) setNotice(done);
    } catch (failure) {
      // A form that shows its fields' errors beside them gets them; anything else goes on top.
      const byField = fieldErrors(t, failure);
      if (onFieldErrors && Object.keys(byField).length > 0) onFieldErrors(byField);
      else setError(errorMessage(t, failure));
    }
  };

  return (
    <section className="publication-panel" aria-label={t('publishing.title')} data-testid="publication-panel">
      <h2>{t('publishing.title')}</h2>
      <p className="muted">
        {data.scheduledAt === null
          ? t('publishing.notScheduled')
          : t(data.status === 'held' ? 'publishing.wasDueOn' : 'publishing.scheduledFor', {
              when: dateTime(data.scheduledAt, data.scheduledZone ?? undefined),
              zone: zoneName(data.scheduledZone ?? userZone()),
            })}
      </p>
      {data.heldReason !== null ? (
        <p className="banner warn" role="status" data-testid="held-reason">
          {t(`publishing.held.${data.heldReason}`)}
        </p>
      ) : null}
      <ScheduleForm data={data} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="publication-notice">
          {notice}
        </p>
      ) : null}
      {data.status === 'missed' ? <MissedDecision data={data} run={run} /> : null}
      {data.publications.length > 0 ? (
        <ul className="publication-list">
          {data.publications.map((publication) => (
            <PublicationRow key={publication.id} publication={publication} data={data} run={run} />
          ))}
        </ul>
      ) : null}
      <Targets data={data} run={run} />
      <MediaEditor data={data} run={run} />
    </section>
  );
}

/**
 * Runs a call whose answer is the post's publication; field errors go to `onFieldErrors` when
 * given; `done` is said once it succeeded (a retry that changes nothing visible at once).
 */
type Run = (action: () => Promise<PostPublication>, onFieldErrors?: (errors: Record<string, string>) => void, done?: string) => Promise<void>;

function PublicationRow({ publication, data, run }: { publication: PublicationView; data: PostPublication; run: Run }) {
  const { t } = useTranslation();
  const state = shownState(publication);
  const network = networkLabels[publication.network];
  const awaitingLink = publication.state === 'awaiting_manual' || (publication.state === 'failed' && publication.reason === 'unverifiable');
  return (
    <li className={`publication state-${state}`} data-testid={publication.withdrawal === null ? `publication-${publication.network}` : `withdrawal-${publication.network}`} data-state={state}>
      <div className="publication-head">
        <strong>{network}</strong>
        {publication.accountHandle ? <span className="muted">@{publication.accountHandle.replace(/^@/u, '')}</span> : null}
        <span className={`pill publication-state ${state}`}>{t(`publishing.state.${state}`)}</span>
        {publication.url ? (
          <a href={publication.url} target="_blank" rel="noopener noreferrer" data-testid="publication-link">
            {t('publishing.open')}
          </a>
        ) : null}
      </div>
      {publication.state === 'failed' ? (
        <div className="publication-error" role="status">
          <PublicationDetail publication={publication} />
          {data.status === 'failed' ? (
            <button type="button" onClick={() => void run(() => api.call('publishing.retry', { postId: data.postId }), undefined, t('publishing.retried'))}>
              {t('publishing.retry')}
            </button>
          ) : null}
        </div>
      ) : (
        <PublicationDetail publication={publication} />
      )}
      <FirstCommentStatus parts={publication} />
      {awaitingLink ? <ManualPublish network={publication.network} data={data} run={run} /> : null}
    </li>
  );
}

function ManualPublish({ network, data, run }: { network: Network; data: PostPublication; run: Run }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const label = networkLabels[network];
  const errorId = `manual-url-error-${network}`;
  const text = data.texts[network] ?? '';
  // A thread is posted part by part, each as the previous one's reply: exactly the approved parts.
  const parts = data.threads[network] ?? [];
  const comment = data.firstComments[network];
  const composeUrl = data.composeUrls[network];
  return (
    <div className="manual-publish">
      <p>{t(parts.length > 1 ? 'publishing.manual.threadIntro' : 'publishing.manual.intro', { network: label, count: parts.length })}</p>
      {parts.length > 1 ? (
        <ol className="manual-parts" data-testid={`manual-parts-${network}`}>
          {parts.map((part, index) => (
            <li key={index} data-testid="manual-part">
              <span className="manual-part-label">{t('publishing.manual.part', { n: index + 1, count: parts.length })}</span>
              <blockquote className="manual-text">{part}</blockquote>
              <CopyButton text={part} label={t('publishing.manual.copyPart', { n: index + 1 })} />
            </li>
          ))}
        </ol>
      ) : (
        <>
          <blockquote className="manual-text">{text}</blockquote>
          <CopyButton text={text} label={t('publishing.manual.copy')} />
        </>
      )}
      {comment !== undefined ? (
        <div className="manual-comment" data-testid={`manual-comment-${network}`}>
          <p>{t('publishing.manual.commentIntro')}</p>
          <blockquote className="manual-text">{comment}</blockquote>
          <CopyButton text={comment} label={t('publishing.manual.copyComment')} />
        </div>
      ) : null}
      <div className="actions">
        {composeUrl ? (
          <a className="button" href={composeUrl} target="_blank" rel="noopener noreferrer">
            {t('publishing.manual.openNetwork', { network: label })}
          </a>
        ) : null}
      </div>
      <form
        className="manual-url"
        onSubmit={(event) => {
          event.preventDefault();
          setUrlError(null);
          void run(
            () => api.call('publishing.manualDone', { postId: data.postId, network, url }),
            (errors) => setUrlError(errors.url ?? Object.values(errors).join(' ')),
          );
        }}
      >
        <label>
          {t('publishing.manual.url', { network: label })}
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
            required
            aria-invalid={urlError !== null}
            aria-describedby={urlError ? errorId : undefined}
            data-testid={`manual-url-${network}`}
          />
        </label>
        <button type="submit">{t('publishing.manual.confirm')}</button>
        {urlError ? (
          <p className="error field-error" id={errorId} role="alert" data-testid={`manual-url-error-${network}`}>
            {t('publishing.manual.urlError', { network: label, error: urlError })}
          </p>
        ) : null}
      </form>
    </div>
  );
}

/** Copies one text; says so once done. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? t('publishing.manual.copied') : label}
    </button>
  );
}

function MissedDecision({ data, run }: { data: PostPublication; run: Run }) {
  const { t } = useTranslation();
  const id = useId();
  const [when, setWhen] = useState('');
  const at = fromLocalInput(when) ?? Number.NaN;
  return (
    <div className="banner warn missed-decision" role="alert" data-testid="missed-decision">
      <div>
        {data.missedReason === 'approvedLate' ? (
          <>
            <strong>{t('publishing.missed.approvedLateTitle')}</strong> {t('publishing.missed.approvedLateBody')}
          </>
        ) : (
          <>
            <strong>{t('publishing.missed.title')}</strong> {t('publishing.missed.body', { minutes: data.graceMinutes })}
          </>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => void run(() => api.call('publishing.decideMissed', { postId: data.postId, decision: 'publishNow' }))}>
          {t('publishing.missed.publishNow')}
        </button>
        <NextFreeSlot postId={data.postId} onChoose={(instant) => void run(() => api.call('publishing.decideMissed', { postId: data.postId, decision: 'reschedule', scheduledAt: instant }))} />
        <label htmlFor={`${id}-when`}>{t('publishing.missed.newTime')}</label>
        <DateTimeField id={`${id}-when`} value={when} onChange={setWhen} />
        <button
          type="button"
          disabled={Number.isNaN(at)}
          onClick={() => void run(() => api.call('publishing.decideMissed', { postId: data.postId, decision: 'reschedule', scheduledAt: at }))}
        >
          {t('publishing.missed.reschedule')}
        </button>
        <button type="button" className="danger" onClick={() => void run(() => api.call('publishing.decideMissed', { postId: data.postId, decision: 'withdraw' }))}>
          {t('publishing.missed.withdraw')}
        </button>
      </div>
    </div>
  );
}

const MANUAL = '';

function Targets({ data, run }: { data: PostPublication; run: Run }) {
  const { t } = useTranslation();
  if (data.targets.length === 0) return null;
  return (
    <fieldset className="publication-targets" disabled={data.locked}>
      <legend>{t('publishing.targets')}</legend>
      {data.locked ? <p className="muted">{t('publishing.locked')}</p> : null}
      {data.targets.map((target) => (
        <label key={target.network}>
          {networkLabels[target.network]}{' '}
          {target.apiAvailable && target.options.length > 0 ? (
            <select
              value={target.accountId ?? MANUAL}
              data-testid={`target-${target.network}`}
              onChange={(e) =>
                void run(() => api.call('publishing.setTarget', { postId: data.postId, network: target.network, accountId: e.target.value === MANUAL ? null : e.target.value }))
              }
            >
              {target.options.map((option) => (
                <option key={option.id} value={option.id}>
                  @{option.handle.replace(/^@/u, '')}
                </option>
              ))}
              <option value={MANUAL}>{t('publishing.byHand')}</option>
            </select>
          ) : (
            <span className="muted">{target.apiAvailable ? t('publishing.noAccount') : t('publishing.byHand')}</span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
