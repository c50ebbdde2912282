import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { fromLocalInput, toLocalInput } from '../time/localInput';
import { networkLabels } from '../../../shared/posts/networks';
import { engagementMetrics } from '../../../shared/engagement/figures';
import type { EngagementMetric, Figures, PublicationEngagement } from '../../../shared/engagement/figures';
import { engagementKeys, useEngagementEvents, usePostEngagement } from './queries';
import './engagement.css';
import { DateTimeField } from '../time/fields/TypedField';

/** The post's figures over time, one table per network, and a form to type figures by hand. */
export function EngagementPanel({ postId }: { postId: string }) {
  const { t } = useTranslation();
  useEngagementEvents();
  const query = usePostEngagement(postId);
  const publications = query.data?.publications ?? [];
  if (publications.length === 0) return null;
  return (
    <section className="engagement-panel side-section" aria-label={t('engagement.title')} data-testid="engagement-panel">
      <h2>{t('engagement.title')}</h2>
      {publications.map((publication) => (
        <PublicationFigures key={publication.publicationId} postId={postId} publication={publication} />
      ))}
    </section>
  );
}

function PublicationFigures({ postId, publication }: { postId: string; publication: PublicationEngagement }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const shown = engagementMetrics.filter((metric) => publication.readings.some((reading) => reading.figures[metric] !== undefined));
  const label = networkLabels[publication.network];
  return (
    <div className="engagement-network" data-testid={`engagement-${publication.network}`}>
      <h3>{label}</h3>
      <p className="muted">
        {publication.tracking === null ? (publication.mode === 'manual' ? t('engagement.byHand') : t('engagement.planned')) : t(`engagement.tracking.${publication.tracking}`)}
      </p>
      {publication.postAnalytics === 'notGranted' ? (
        <p className="muted" data-testid="engagement-analytics-not-granted">
          {t('engagement.analyticsNotGranted')}
        </p>
      ) : null}
      {publication.readings.length === 0 ? (
        <p className="muted">{t('engagement.none')}</p>
      ) : (
        <table className="engagement-table">
          <thead>
            <tr>
              <th scope="col">{t('engagement.readAt')}</th>
              <th scope="col">{t('engagement.source')}</th>
              {shown.map((metric) => (
                <th scope="col" key={metric}>
                  {t(`engagement.metric.${metric}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {publication.readings.map((reading) => (
              <tr key={`${reading.readAt}-${reading.source}`}>
                <td>
                  {dateTime(reading.readAt)}
                  {reading.point === null ? null : <span className="muted"> ({t(`engagement.points.${reading.point}`)})</span>}
                </td>
                <td>{t(`engagement.sources.${reading.source}`)}</td>
                {shown.map((metric) => (
                  <td key={metric} className="figure">
                    {reading.figures[metric] === undefined ? '–' : t('engagement.value', { value: reading.figures[metric] ?? 0 })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ManualFigures postId={postId} publication={publication} />
    </div>
  );
}

/** What a hand-typed reading asks for: the figures a network's own page shows. */
const typed: EngagementMetric[] = ['likes', 'reposts', 'replies', 'impressions'];

function ManualFigures({ postId, publication }: { postId: string; publication: PublicationEngagement }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState('');
  const [values, setValues] = useState<Partial<Record<EngagementMetric, string>>>({});
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button
        type="button"
        className="link"
        onClick={() => {
          setWhen(toLocalInput(Date.now()));
          setOpen(true);
        }}
        data-testid={`engagement-manual-open-${publication.network}`}
      >
        {t('engagement.manual.open')}
      </button>
    );
  }
  const submit = async () => {
    setError(null);
    const figures: Figures = {};
    for (const metric of typed) {
      const raw = values[metric]?.trim() ?? '';
      if (raw !== '') figures[metric] = Number(raw);
    }
    try {
      const next = await api.call('engagement.recordManual', { publicationId: publication.publicationId, readAt: fromLocalInput(when) ?? Number.NaN, figures });
      queryClient.setQueryData(engagementKeys.post(postId), next);
      setOpen(false);
      setValues({});
    } catch (failure) {
      // The field's own words (no figure, a date out of range) rather than the generic refusal.
      const byField = Object.values(fieldErrors(t, failure));
      setError(byField.length > 0 ? byField.join(' ') : errorMessage(t, failure));
    }
  };
  return (
    <form
      className="engagement-manual"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="engagement-when">
        <label htmlFor={`${id}-when`}>{t('engagement.manual.when')}</label>
        <DateTimeField id={`${id}-when`} value={when} onChange={setWhen} required />
      </div>
      {typed.map((metric) => (
        <label key={metric}>
          {t(`engagement.metric.${metric}`)}
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={values[metric] ?? ''}
            onChange={(e) => setValues({ ...values, [metric]: e.target.value })}
            data-testid={`engagement-manual-${metric}`}
          />
        </label>
      ))}
      <button type="submit">{t('engagement.manual.save')}</button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
