import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { usePartners } from '../app/queries';
import { errorMessage } from '../ui/errorMessage';
import type { ReportFormatName } from '../../../shared/api/procedures/reports';
import './reports.css';

const ALL = 'all';
const formats: ReportFormatName[] = ['pdf', 'csv', 'html'];

/** The month just ended, the one a report is usually asked for: 'YYYY-MM'. */
function lastMonth(now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

interface Job {
  jobId: string;
  done: number;
  total: number;
  state: 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';
  folder: string | null;
}

/**
 * Monthly activity reports: pick a month and a partner (or all), see the report as it will
 * print, export it as PDF, CSV or HTML; or export every partner's report with a progress bar
 * and a cancel button. The preview is the exported HTML itself, in a sandboxed frame.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'fr';
  const partners = usePartners(false);
  const [month, setMonth] = useState(lastMonth);
  const [partnerId, setPartnerId] = useState(ALL);
  const [allFormat, setAllFormat] = useState<ReportFormatName>('pdf');
  const [busy, setBusy] = useState<ReportFormatName | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  // Files written so far, for the message if the export fails (the state may lag one render).
  const doneRef = useRef(0);

  const target = { month, partnerId: partnerId === ALL ? null : partnerId, locale } as const;
  const preview = useQuery({
    queryKey: ['reports', 'preview', target],
    queryFn: () => api.call('reports.preview', target),
    enabled: isMonth(month),
  });

  const jobId = job?.jobId ?? null;
  useEffect(() => {
    if (jobId === null) return undefined;
    return api.subscribe((event) => {
      if (event.type !== 'report.progress' || event.jobId !== jobId) return;
      doneRef.current = event.done;
      setJob((current) => (current?.jobId === event.jobId ? { ...current, done: event.done, total: event.total } : current));
    });
  }, [jobId]);

  const size = (bytes: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));

  const exportOne = async (format: ReportFormatName) => {
    setBusy(format);
    setMessage(null);
    try {
      const saved = await api.call('reports.export', { ...target, format });
      setMessage({ kind: 'ok', text: t('reports.saved', { path: saved.path, size: size(saved.bytes) }) });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const exportAll = async () => {
    const id = crypto.randomUUID();
    doneRef.current = 0;
    setMessage(null);
    setJob({ jobId: id, done: 0, total: (partners.data?.length ?? 0) + 1, state: 'running', folder: null });
    try {
      const result = await api.call('reports.exportAll', { jobId: id, month, format: allFormat, locale });
      const count = result.files.length;
      setJob((current) => current && { ...current, done: count, state: result.cancelled ? 'cancelled' : 'done', folder: result.folder });
      setMessage({ kind: 'ok', text: t(result.cancelled ? 'reports.allCancelled' : 'reports.allDone', { count, folder: result.folder }) });
    } catch (error) {
      setJob((current) => current && { ...current, state: 'failed' });
      setMessage({ kind: 'error', text: `${t('reports.allFailed', { count: doneRef.current })} ${errorMessage(t, error)}` });
    }
  };

  const cancel = async () => {
    if (!job) return;
    setJob({ ...job, state: 'cancelling' });
    await api.call('reports.cancel', { jobId: job.jobId });
  };

  const running = job?.state === 'running' || job?.state === 'cancelling';
  const list = partners.data ?? [];

  return (
    <section className="page reports-page" aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
      </header>
      <div className="reports-controls">
        <label className="field">
          {t('reports.month')}
          <input type="month" value={month} required onChange={(e) => setMonth(e.target.value)} data-testid="report-month" />
        </label>
        <label className="field">
          {t('reports.partner')}
          <select value={partnerId} onChange={(e) => setPartnerId(e.target.value)} data-testid="report-partner">
            <option value={ALL}>{t('reports.allPartners')}</option>
            {list.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.displayName}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span>{t('reports.export')}</span>
          <div className="actions">
            {formats.map((format) => (
              <button key={format} onClick={() => void exportOne(format)} disabled={busy !== null || !isMonth(month)} data-testid={`report-export-${format}`}>
                {busy === format ? t('reports.exporting') : t(`reports.export${format === 'pdf' ? 'Pdf' : format === 'csv' ? 'Csv' : 'Html'}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="field">
          <span>{t('reports.exportAll')}</span>
          <div className="actions">
            <select value={allFormat} onChange={(e) => setAllFormat(e.target.value as ReportFormatName)} aria-label={t('reports.exportAllFormat')} disabled={running}>
              {formats.map((format) => (
                <option key={format} value={format}>
                  {format.toUpperCase()}
                </option>
              ))}
            </select>
            <button className="primary" onClick={() => void exportAll()} disabled={running || list.length === 0 || !isMonth(month)} data-testid="report-export-all">
              {t('reports.exportAll')}
            </button>
          </div>
        </div>
      </div>
      {job && running ? (
        <div className="reports-progress" role="status">
          <progress value={job.done} max={Math.max(1, job.total)} aria-label={t('reports.exportAll')} />
          <span>{t('reports.progress', { done: job.done, total: job.total })}</span>
          <button onClick={() => void cancel()} disabled={job.state === 'cancelling'} data-testid="report-cancel">
            {job.state === 'cancelling' ? t('reports.cancelling') : t('reports.cancel')}
          </button>
        </div>
      ) : null}
      {message ? (
        <p className={message.kind === 'error' ? 'form-error' : 'hint'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <p className="hint">{list.length === 0 && !partners.isLoading ? t('reports.noPartner') : t('reports.hint')}</p>
      {preview.isError ? <p className="form-error">{errorMessage(t, preview.error)}</p> : null}
      {preview.data ? (
        // sandbox="": no script, no navigation, no same-origin access — the report needs none of them.
        <iframe className="report-preview" title={t('reports.preview')} sandbox="" srcDoc={preview.data.html} data-testid="report-preview" />
      ) : (
        <p className="empty">{t('reports.loading')}</p>
      )}
    </section>
  );
}
