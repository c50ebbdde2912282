import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { networkLabels } from '../../../shared/posts/networks';
import { engagementMetrics } from '../../../shared/engagement/figures';
import type { Figures, LinkedinImportResult } from '../../../shared/engagement/figures';
import { engagementKeys, useEngagementEvents } from './queries';
import './engagement.css';
import { AppLink } from '../ui/AppLink';
import { fileTooLargeError } from '../ui/fileTooLarge';
import { MAX_LINKEDIN_EXPORT_BYTES } from '../../../shared/api/requestSize';

/** Bytes to base64 in slices (a spread of a whole file would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function FigureList({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const shown = engagementMetrics.filter((metric) => figures[metric] !== undefined);
  if (shown.length === 0) return <span className="muted">{t('engagement.none')}</span>;
  return (
    <span className="figure-list">
      {shown.map((metric) => (
        <span key={metric} data-metric={metric}>
          {t('engagement.figure', { metric: t(`engagement.metric.${metric}`), value: figures[metric] })}
        </span>
      ))}
    </span>
  );
}

/** The partner's page: the last 90 days, per network and per post, and LinkedIn's export import. */
export function PartnerEngagementPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  useEngagementEvents();
  const recent = useQuery({ queryKey: [...engagementKeys.all, 'partner', partnerId], queryFn: () => api.call('engagement.partnerRecent', { partnerId }) });
  const data = recent.data;
  return (
    <section className="engagement-partner" aria-labelledby={`engagement-partner-${partnerId}`} data-testid="partner-engagement">
      <h2 id={`engagement-partner-${partnerId}`}>{t('engagement.partner.title')}</h2>
      {data && data.posts.length > 0 ? (
        <>
          <ul className="engagement-networks">
            {data.networks.map((total) => (
              <li key={total.network} data-testid={`partner-engagement-${total.network}`}>
                <strong>{networkLabels[total.network]}</strong> · {t('engagement.partner.posts', { count: total.posts })} · <FigureList figures={total.figures} />
              </li>
            ))}
          </ul>
          <ul className="engagement-posts">
            {data.posts.map((post) => (
              <li key={`${post.postId}-${post.network}`}>
                <AppLink to={`#/posts/${post.postId}`}>{post.title}</AppLink> — {networkLabels[post.network]}, {dateTime(post.publishedAt)} · <FigureList figures={post.figures} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('engagement.partner.nothing')}</p>
      )}
      <LinkedinImport partnerId={partnerId} />
    </section>
  );
}

function LinkedinImport({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<LinkedinImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setError(null);
    setResult(null);
    // Refused at once, before the file is read: core could not take it anyway.
    const tooLarge = fileTooLargeError(file, MAX_LINKEDIN_EXPORT_BYTES);
    if (tooLarge) {
      setError(errorMessage(t, tooLarge));
      return;
    }
    setBusy(true);
    try {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      setResult(await api.call('engagement.importLinkedin', { partnerId, fileName: file.name, data }));
      void queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    } catch (failure) {
      const byField = Object.values(fieldErrors(t, failure));
      setError(byField.length > 0 ? byField.join(' ') : errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="engagement-import">
      <h3>{t('engagement.import.title')}</h3>
      <p className="muted">{t('engagement.import.help')}</p>
      <label>
        {t('engagement.import.file')}
        <input
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={busy}
          data-testid="linkedin-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
            event.target.value = '';
          }}
        />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div data-testid="linkedin-import-result">
          <p role="status">
            {t('engagement.import.matched', { count: result.matched.length })}
            {result.followers ? ` ${t('engagement.import.followers', { count: result.followers.count })}` : ''}
          </p>
          {result.unmatched.length > 0 ? (
            <table className="engagement-table" data-testid="linkedin-import-unmatched">
              <caption>{t('engagement.import.unmatched', { count: result.unmatched.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('engagement.import.url')}</th>
                  <th scope="col">{t('engagement.import.date')}</th>
                  <th scope="col">{t('engagement.metric.impressions')}</th>
                  <th scope="col">{t('engagement.metric.engagements')}</th>
                  <th scope="col">{t('engagement.import.why')}</th>
                </tr>
              </thead>
              <tbody>
                {result.unmatched.map((row) => (
                  <tr key={row.url}>
                    <td className="url">{row.url}</td>
                    <td>{row.publishedOn ?? '–'}</td>
                    <td className="figure">{row.impressions ?? '–'}</td>
                    <td className="figure">{row.engagements ?? '–'}</td>
                    <td>{t(`engagement.import.reason.${row.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
