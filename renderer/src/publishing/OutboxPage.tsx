import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { networkLabels } from '../../../shared/posts/networks';
import { PublicationSettings } from '../../../shared/publishing/publication';
import type { QueueItem } from '../../../shared/publishing/publication';
import { PublicationDetail } from './PublicationDetail';
import { shownState } from './shownState';
import { useDateFormat } from '../ui/useDateFormat';
import { publishingKeys, usePublicationQueue, usePublishingEvents } from './queries';
import './publishing.css';
import { FirstCommentStatus } from '../threads/FirstCommentStatus';
import { SignoffEmailQueue } from '../signoff/SignoffEmailQueue';
import { DigestEmailQueue } from '../digest/DigestEmailQueue';
import { postTitle } from '../posts/postTitle';

/** Queued again after a failed try (waiting for the post's own time is not one). */
const retrying = (item: QueueItem) => item.state === 'queued' && item.job?.state === 'queued' && item.job.lastTry !== null && item.job.lastTry.cause !== 'notYet';

/**
 * "Envoi": every publication under way or recent with its state, the network's words when it
 * failed, the link once published; missed slots waiting for a decision; whether the queue runs
 * (online) or waits (offline).
 */
export function OutboxPage({ onOpenPost }: { onOpenPost: (postId: string) => void }) {
  const { t } = useTranslation();
  usePublishingEvents();
  const queue = usePublicationQueue();
  const { dateTime } = useDateFormat();
  const data = queue.data;
  const waiting = data ? data.items.filter(retrying).length : 0;
  return (
    <section className="page outbox-page" aria-labelledby="outbox-title">
      <header className="page-header">
        <h1 id="outbox-title">{t('publishing.outbox.title')}</h1>
        {data ? (
          <p className={data.online && waiting === 0 ? 'pill ok' : 'pill warn'} data-testid="outbox-online" data-online={data.online}>
            {!data.online ? t('publishing.outbox.offline') : waiting > 0 ? t('publishing.outbox.retrying', { count: waiting }) : t('publishing.outbox.online')}
          </p>
        ) : null}
      </header>
      <p className="muted">{t('publishing.outbox.intro')}</p>
      {data && data.missed.length > 0 ? (
        <div className="banner warn" role="alert">
          <strong>{t('publishing.outbox.missedTitle')}</strong>
          {/* One column beside the title: the banner lays out its children in a row. */}
          <div>
            <ul>
              {data.missed.map((missed) => (
                <li key={missed.postId}>
                  {postTitle(missed.title, t)} {missed.scheduledAt === null ? null : `— ${dateTime(missed.scheduledAt)}`}{' '}
                  <button type="button" className="link" onClick={() => onOpenPost(missed.postId)}>
                    {t('publishing.outbox.openPost')}
                  </button>
                </li>
              ))}
            </ul>
            {data.missedTotal > data.missed.length ? (
              <p data-testid="outbox-missed-more">{t('publishing.outbox.missedMore', { count: data.missedTotal - data.missed.length })}</p>
            ) : null}
          </div>
        </div>
      ) : null}
      {data && data.held.length > 0 ? (
        <div className="banner warn" role="status" data-testid="outbox-held">
          <strong>{t('publishing.outbox.heldTitle')}</strong>
          <div>
            <ul>
              {data.held.map((held) => (
                <li key={held.postId}>
                  {postTitle(held.title, t)} {held.scheduledAt === null ? null : `— ${dateTime(held.scheduledAt)}`} — {t(`publishing.held.${held.reason}`)}{' '}
                  <button type="button" className="link" onClick={() => onOpenPost(held.postId)}>
                    {t('publishing.outbox.openPost')}
                  </button>
                </li>
              ))}
            </ul>
            {data.heldTotal > data.held.length ? <p>{t('publishing.outbox.heldMore', { count: data.heldTotal - data.held.length })}</p> : null}
          </div>
        </div>
      ) : null}
      {/* One section per kind of thing that leaves, each under its own h2. */}
      <section className="outbox-section" aria-labelledby="outbox-publications-title">
        <h2 id="outbox-publications-title">{t('publishing.outbox.publicationsTitle')}</h2>
        {queue.error ? <p className="form-error" role="alert">{errorMessage(t, queue.error)}</p> : null}
        {data && data.total > data.items.length ? (
          <p className="muted small" data-testid="outbox-shown-of">
            {t('publishing.outbox.shownOf', { shown: data.items.length, total: data.total })}
          </p>
        ) : null}
        {!data ? (
          queue.error ? null : <p className="muted" role="status">{t('publishing.outbox.loading')}</p>
        ) : data.items.length === 0 ? (
          <p className="muted">{t('publishing.outbox.empty')}</p>
        ) : (
          <table data-testid="outbox-table">
            <thead>
              <tr>
                <th>{t('publishing.outbox.post')}</th>
                <th>{t('publishing.outbox.partner')}</th>
                <th>{t('publishing.outbox.network')}</th>
                <th>{t('publishing.outbox.due')}</th>
                <th>{t('publishing.outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => {
                const state = shownState(item);
                return (
                  <tr key={item.publicationId} data-state={state}>
                    <td>
                      <button type="button" className="link" onClick={() => onOpenPost(item.postId)}>
                        {postTitle(item.postTitle, t)}
                      </button>
                    </td>
                    <td>{item.partnerName}</td>
                    <td>
                      {networkLabels[item.network]}
                      {item.accountHandle ? <span className="muted"> @{item.accountHandle.replace(/^@/u, '')}</span> : null}
                    </td>
                    <td>{dateTime(item.dueAt)}</td>
                    <td>
                      <span className={`pill publication-state ${state}`}>{t(`publishing.state.${state}`)}</span>{' '}
                      {item.url ? (
                        <a href={item.url} target="_blank" rel="noopener noreferrer">
                          {t('publishing.open')}
                        </a>
                      ) : null}
                      <PublicationDetail publication={item} />
                      <FirstCommentStatus parts={item} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <SignoffEmailQueue onOpenPost={onOpenPost} />
      <DigestEmailQueue />
      <section className="outbox-section" aria-labelledby="outbox-settings-title">
        <h2 id="outbox-settings-title">{t('publishing.outbox.settingsTitle')}</h2>
        <GraceSetting />
      </section>
    </section>
  );
}

/** The grace window: how late a slot missed while the machine slept may still go out. */
function GraceSetting() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: [...publishingKeys.all, 'settings'], queryFn: () => api.call('publishing.settings', {}) });
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const value = draft ?? String(settings.data.graceMinutes);
  const save = async () => {
    setError(null);
    // Checked here with the contract's own rule: an emptied field is not « 0 minutes », and the
    // browser's own bubble (its language, not the app's) is not used (noValidate).
    const minutes = PublicationSettings.shape.graceMinutes.safeParse(value.trim() === '' ? Number.NaN : Number(value));
    if (!minutes.success) {
      setError(t('publishing.errors.graceRange'));
      return;
    }
    try {
      queryClient.setQueryData([...publishingKeys.all, 'settings'], await api.call('publishing.saveSettings', { graceMinutes: minutes.data }));
      setDraft(null);
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
  };
  return (
    <form
      className="grace-setting"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {t('publishing.settings.grace')}{' '}
        <input
          type="number"
          min={0}
          max={1440}
          step={1}
          value={value}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'grace-error' : undefined}
          data-testid="grace-minutes"
        />
      </label>{' '}
      <button type="submit" disabled={draft === null}>
        {t('publishing.settings.save')}
      </button>
      {error ? (
        <span className="error" role="alert" id="grace-error">
          {' '}
          {error}
        </span>
      ) : null}
    </form>
  );
}
