import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { usePartners } from '../app/queries';
import { AuditLogStatus } from '../records/AuditLogStatus';
import { RecordExportButton } from '../records/RecordExportButton';
import { errorMessage } from '../ui/errorMessage';
import { useFileSize } from '../ui/fileSize';
import type { ReportFormatName } from '../../../shared/api/procedures/reports';
import type { Locale, Partner } from '../../../shared/partners/schema';
import { monthRange } from '../../../shared/reports/month';
import { isDesktop, saveFile } from './saveFile';
import { addMonths } from '../../../shared/calendar/civil';
import { todayIn } from '../../../shared/calendar/zonedTime';
import { userZone } from '../time/userZone';
import './reports.css';
import { invalidateSoon } from '../api/invalidateSoon';
import { MonthField } from '../time/fields/TypedField';

const ALL = 'all';
const formats: ReportFormatName[] = ['pdf', 'csv', 'html'];
const locales: Locale[] = ['fr', 'en'];
const formatLabel = { pdf: 'reports.exportPdf', csv: 'reports.exportCsv', html: 'reports.exportHtml' } as const;

/** The month just ended, the one a report is usually asked for: 'YYYY-MM'. */
function lastMonth(now = Date.now()): string {
  return addMonths(todayIn(userZone(), now).slice(0, 7), -1);
}

const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/**
 * The partners a month's reports concern, as core's `partnersOf` counts them for « Exporter tous
 * les partenaires » and the summary: every active one, and those archived during or after the
 * month (in their own zone). Without a month, the active ones.
 */
function partnersOfMonth(partners: readonly Partner[], month: string): Partner[] {
  return partners.filter((p) => p.archivedAt === null || (isMonth(month) && p.archivedAt >= monthRange(month, p.timeZone).start));
}

interface Job {
  jobId: string;
  done: number;
  total: number;
  state: 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';
}

/**
 * Monthly activity reports: pick a month and a partner (or all), see the report as it will
 * print, download it as PDF, CSV or HTML; or export every partner's report into the workspace
 * folder with a progress bar and a cancel button. The preview is the exported HTML itself.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const uiLocale: Locale = i18n.language === 'en' ? 'en' : 'fr';
  const queryClient = useQueryClient();
  // Archived partners too: one archived during or after the month still has his own month's report.
  const partners = usePartners(true);
  const [month, setMonth] = useState(lastMonth);
  const [partnerId, setPartnerId] = useState(ALL);
  const [summaryLocale, setSummaryLocale] = useState<Locale>(uiLocale);
  /** A language chosen for one partner's report; another partner picked goes back to his own language. */
  const [languageChoice, setLanguageChoice] = useState<{ partnerId: string; locale: Locale } | null>(null);
  const [allFormat, setAllFormat] = useState<ReportFormatName>('pdf');
  const [busy, setBusy] = useState<ReportFormatName | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [job, setJob] = useState<Job | null>(null);

  const validMonth = isMonth(month);
  const list = partnersOfMonth(partners.data ?? [], month);
  const partner = list.find((p) => p.id === partnerId) ?? null;
  // A partner the month no longer concerns (another month picked) leaves the choice on all partners.
  const chosenId = partner?.id ?? (partners.data === undefined ? partnerId : ALL);
  const reportLocale: Locale = (languageChoice?.partnerId === chosenId ? languageChoice.locale : null) ?? partner?.locale ?? summaryLocale;
  const target = { month, partnerId: chosenId === ALL ? null : chosenId, locale: chosenId === ALL ? summaryLocale : reportLocale } as const;
  const preview = useQuery({
    queryKey: ['reports', 'preview', target],
    queryFn: () => api.call('reports.preview', target),
    enabled: validMonth,
  });

  // Any change core reports (a decision, a publication, a post saved) may change the figures.
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type !== 'report.progress') invalidateSoon(queryClient, ['reports']);
      }),
    [queryClient],
  );

  const numberLocale = uiLocale === 'fr' ? 'fr-FR' : 'en-GB';
  const size = useFileSize();
  const percent = (done: number, total: number) => new Intl.NumberFormat(numberLocale, { style: 'percent' }).format(total === 0 ? 0 : done / total);

  const download = async (format: ReportFormatName) => {
    setBusy(format);
    setMessage(null);
    try {
      const file = await api.call('reports.download', { ...target, format });
      saveFile(file);
      setMessage({ kind: 'ok', text: t('reports.downloaded', { name: file.fileName, size: size(file.bytes) }) });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const exportAll = async () => {
    const jobId = crypto.randomUUID();
    let done = 0;
    setMessage(null);
    setJob({ jobId, done: 0, total: list.length + 1, state: 'running' });
    // Listening before the call: the first events may arrive before React has rendered again.
    const unsubscribe = api.subscribe((event) => {
      if (event.type !== 'report.progress' || event.jobId !== jobId) return;
      done = event.done;
      setJob((current) => (current?.jobId === jobId ? { ...current, done: event.done, total: event.total } : current));
    });
    try {
      const result = await api.call('reports.exportAll', { jobId, month, format: allFormat, locale: summaryLocale });
      const count = result.files.length;
      setJob((current) => (current?.jobId === jobId ? { ...current, done: result.cancelled ? count : current.total, state: result.cancelled ? 'cancelled' : 'done' } : current));
      setMessage({ kind: 'ok', text: t(result.cancelled ? 'reports.allCancelled' : 'reports.allDone', { count, folder: result.folder }) });
    } catch (error) {
      setJob((current) => (current?.jobId === jobId ? { ...current, state: 'failed' } : current));
      setMessage({ kind: 'error', text: `${t('reports.allFailed', { count: done })} ${errorMessage(t, error)}` });
    } finally {
      unsubscribe();
    }
  };

  const cancel = async () => {
    if (!job) return;
    setJob({ ...job, state: 'cancelling' });
    try {
      await api.call('reports.cancel', { jobId: job.jobId });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(t, error) });
    }
  };

  const running = job?.state === 'running' || job?.state === 'cancelling';

  return (
    <section className="page reports-page" aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
      </header>
      <div className="reports-controls">
        <div className="field">
          <label htmlFor={`${id}-month`}>{t('reports.month')}</label>
          <MonthField id={`${id}-month`} value={month} required onChange={setMonth} aria-invalid={!validMonth} data-testid="report-month" />
        </div>
        <label className="field">
          {t('reports.partner')}
          <select value={chosenId} onChange={(e) => setPartnerId(e.target.value)} data-testid="report-partner">
            <option value={ALL}>{t('reports.allPartners')}</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.archivedAt === null ? p.displayName : t('reports.archivedPartner', { name: p.displayName })}
              </option>
            ))}
          </select>
        </label>
        {partner === null ? (
          <label className="field">
            {t('reports.summaryLocale')}
            <select value={summaryLocale} onChange={(e) => setSummaryLocale(e.target.value === 'en' ? 'en' : 'fr')} data-testid="report-locale">
              {locales.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`reports.locales.${locale}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('reports.reportLocale')}</label>
            <select
              id={`${id}-language`}
              value={reportLocale}
              onChange={(e) => setLanguageChoice({ partnerId: partner.id, locale: e.target.value === 'en' ? 'en' : 'fr' })}
              aria-describedby={`${id}-language-said`}
              data-testid="report-language"
            >
              {locales.map((locale) => (
                <option key={locale} value={locale}>
                  {locale === partner.locale ? t('reports.partnerLocale', { language: t(`reports.locales.${locale}`) }) : t(`reports.locales.${locale}`)}
                </option>
              ))}
            </select>
            <span className="hint" id={`${id}-language-said`} data-testid="report-language-said">
              {t(reportLocale === partner.locale ? 'reports.languageIsPartners' : 'reports.languageIsChosen', {
                language: t(`reports.languageNames.${reportLocale}`),
                partnerLanguage: t(`reports.languageNames.${partner.locale}`),
              })}
            </span>
          </div>
        )}
        <div className="field">
          <span>{t('reports.export')}</span>
          <div className="actions">
            {formats.map((format) => (
              <button key={format} onClick={() => void download(format)} disabled={busy !== null || !validMonth} data-testid={`report-export-${format}`}>
                {busy === format ? t('reports.exporting') : t(formatLabel[format])}
              </button>
            ))}
          </div>
        </div>
        <div className="field">
          <span>{t('reports.exportAll')}</span>
          <div className="actions">
            <select value={allFormat} onChange={(e) => setAllFormat(formats.find((f) => f === e.target.value) ?? 'pdf')} aria-label={t('reports.exportAllFormat')} disabled={running} data-testid="report-all-format">
              {formats.map((format) => (
                <option key={format} value={format}>
                  {t(formatLabel[format])}
                </option>
              ))}
            </select>
            <button className="primary" onClick={() => void exportAll()} disabled={running || list.length === 0 || !validMonth} data-testid="report-export-all">
              {t('reports.exportAll')}
            </button>
          </div>
        </div>
      </div>
      <p className="hint">{isDesktop() ? t('reports.saveHintDesktop') : t('reports.saveHintBrowser')} {t('reports.exportAllHint')}</p>
      {job ? (
        <div className="reports-progress" data-state={job.state} data-testid="report-progress">
          <progress value={job.done} max={Math.max(1, job.total)} aria-label={t('reports.progressLabel')} />
          <span role="status">{t('reports.progress', { done: job.done, total: job.total, percent: percent(job.done, job.total) })}</span>
          {running ? (
            <button onClick={() => void cancel()} disabled={job.state === 'cancelling'} data-testid="report-cancel">
              {job.state === 'cancelling' ? t('reports.cancelling') : t('reports.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className={message.kind === 'error' ? 'form-error' : 'hint'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="report-message">
          {message.text}
        </p>
      ) : null}
      <section className="reports-record" aria-labelledby="reports-record-title">
        <h2 id="reports-record-title">{t('records.heading')}</h2>
        <p className="hint">{t('records.hint')}</p>
        <div className="actions">
          <RecordExportButton scope={{ kind: 'month', month }} label={t('records.exportMonth')} disabled={!validMonth} />
          {partner === null ? null : <RecordExportButton scope={{ kind: 'partner', partnerId: partner.id }} label={t('records.exportPartner')} />}
        </div>
        <AuditLogStatus />
      </section>
      <p className="hint">{list.length === 0 && !partners.isLoading ? t('reports.noPartner') : t('reports.hint')}</p>
      {!validMonth ? <p className="form-error">{t('reports.badMonth')}</p> : null}
      {preview.isError ? <p className="form-error">{errorMessage(t, preview.error)}</p> : null}
      {preview.data ? (
        // sandbox="": no script, no navigation, no same-origin access — the report needs none of them.
        <iframe className="report-preview" title={t('reports.preview')} sandbox="" srcDoc={preview.data.html} data-testid="report-preview" />
      ) : validMonth && !preview.isError ? (
        <p className="empty">{t('reports.loading')}</p>
      ) : null}
    </section>
  );
}
