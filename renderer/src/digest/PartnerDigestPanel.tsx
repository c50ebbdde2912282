import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { DigestFrequency } from '../../../shared/digest/period';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import './digest.css';

const frequencies = DigestFrequency.options;
const keys = {
  settings: (partnerId: string) => ['digest', 'settings', partnerId] as const,
  preview: (partnerId: string) => ['digest', 'preview', partnerId] as const,
  sent: (partnerId: string) => ['digest', 'sent', partnerId] as const,
};

/**
 * The partner page's digest panel: how often, a one-click opt-out, and the exact email the
 * partner would receive now (the HTML in a sandboxed iframe: no script, no network, no same origin).
 */
export function PartnerDigestPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { dateTime } = useDateFormat();
  const [showText, setShowText] = useState(false);
  const sent = useQuery({ queryKey: keys.sent(partnerId), queryFn: () => api.call('digest.sent', { partnerId }) }).data ?? [];
  const settings = useQuery({ queryKey: keys.settings(partnerId), queryFn: () => api.call('digest.settings', { partnerId }) });
  const preview = useQuery({ queryKey: keys.preview(partnerId), queryFn: () => api.call('digest.preview', { partnerId }) });
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'outbox.changed' || event.type === 'events.resync') void queryClient.invalidateQueries({ queryKey: keys.sent(partnerId) });
      }),
    [queryClient, partnerId],
  );
  const save = useMutation({
    mutationFn: (frequency: DigestFrequency) => api.call('digest.setFrequency', { partnerId, frequency }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings(partnerId), saved);
      void queryClient.invalidateQueries({ queryKey: keys.preview(partnerId) });
    },
  });
  const sendNow = useMutation({ mutationFn: () => api.call('digest.sendNow', { partnerId }) });
  const frequency = settings.data?.frequency;
  const shown = preview.data;
  return (
    <section className="digest-partner" aria-labelledby={`digest-${partnerId}`} data-testid="partner-digest">
      <h2 id={`digest-${partnerId}`}>{t('digest.title')}</h2>
      <p className="muted small">{t('digest.sending')}</p>
      <div className="digest-settings">
        <label>
          {t('digest.frequency')}{' '}
          <select
            value={frequency ?? 'monthly'}
            disabled={frequency === undefined || save.isPending}
            onChange={(e) => save.mutate(DigestFrequency.parse(e.target.value))}
            data-testid="digest-frequency"
          >
            {frequencies.map((value) => (
              <option key={value} value={value}>
                {t(`digest.frequencies.${value}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        {frequency !== undefined && frequency !== 'off' ? (
          <button type="button" onClick={() => save.mutate('off')} disabled={save.isPending}>
            {t('digest.optOut')}
          </button>
        ) : null}
      </div>
      {save.error ? <p role="alert">{errorMessage(t, save.error)}</p> : null}
      {frequency === 'off' ? <p className="muted">{t('digest.off')}</p> : null}
      {shown && shown.to === '' ? <p className="muted">{t('digest.noAddress')}</p> : null}
      {preview.error ? <p role="alert">{errorMessage(t, preview.error)}</p> : null}
      {sent.length > 0 ? (
        <div className="digest-sent">
          <h3>{t('digest.sentTitle')}</h3>
          <ul data-testid="digest-sent">
            {sent
              .slice(-5)
              .reverse()
              .map((row) => (
                <li key={row.messageId}>{t('digest.sentLine', { period: row.periodKey, when: dateTime(row.sentAt), to: row.to })}</li>
              ))}
          </ul>
        </div>
      ) : null}
      {shown ? (
        <div className="digest-preview" data-testid="digest-preview">
          <h3>{t('digest.previewTitle')}</h3>
          {shown.to === '' ? null : <p className="small">{t('digest.to', { to: shown.to })}</p>}
          {frequency !== undefined && frequency !== 'off' && shown.to !== '' ? (
            <p>
              <button type="button" onClick={() => sendNow.mutate()} disabled={sendNow.isPending} data-testid="digest-send-now">
                {t('digest.sendNow')}
              </button>{' '}
              {sendNow.data ? (
                <span role="status">{t(sendNow.data.alreadyQueued ? 'digest.sendAlready' : 'digest.sendQueued', { period: sendNow.data.periodKey })}</span>
              ) : null}
              {sendNow.error ? <span role="alert">{errorMessage(t, sendNow.error)}</span> : null}
            </p>
          ) : null}
          <p className="small" data-testid="digest-subject">
            {t('digest.subject', { subject: shown.subject })}
          </p>
          <iframe title={t('digest.previewFrame')} sandbox="" srcDoc={shown.html} className="digest-frame" data-testid="digest-frame" />
          <label className="checkbox small">
            <input type="checkbox" checked={showText} onChange={(e) => setShowText(e.target.checked)} />
            {t('digest.showText')}
          </label>
          {showText ? <pre className="digest-text">{shown.text}</pre> : null}
        </div>
      ) : null}
    </section>
  );
}
