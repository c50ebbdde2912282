import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { AppLink } from '../ui/AppLink';
import { fileTooLargeError } from '../ui/fileTooLarge';
import { MAX_LINKEDIN_EXPORT_BYTES } from '../../../shared/api/requestSize';
import type { DateOrder } from '../../../shared/engagement/exportDates';
import type { LinkedinImportResult } from '../../../shared/engagement/figures';
import { engagementKeys } from './queries';
import { FilePicker } from '../ui/FilePicker';

/** Bytes to base64 in slices (a spread of a whole file would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** LinkedIn's export on the partner's page: picked, sent, and what became of each row. */
export function LinkedinImport({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<LinkedinImportResult | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (picked: File, dateOrder?: DateOrder) => {
    setError(null);
    setResult(null);
    // Refused at once, before the file is read: core could not take it anyway.
    const tooLarge = fileTooLargeError(picked, MAX_LINKEDIN_EXPORT_BYTES);
    if (tooLarge) {
      setError(errorMessage(t, tooLarge));
      return;
    }
    setBusy(true);
    try {
      const data = toBase64(new Uint8Array(await picked.arrayBuffer()));
      setResult(await api.call('engagement.importLinkedin', { partnerId, fileName: picked.name, data, ...(dateOrder ? { dateOrder } : {}) }));
      setFile(picked);
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
      <FilePicker
        label={t('engagement.import.file')}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        disabled={busy}
        data-testid="linkedin-import-file"
        onFile={(picked) => void upload(picked)}
      />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <ImportOutcome result={result} busy={busy} onDateOrder={file ? (order) => void upload(file, order) : null} /> : null}
    </div>
  );
}

type ShownRow = LinkedinImportResult['unmatched'][number] | LinkedinImportResult['matched'][number];

/** What every row shows, matched or not: its link, its day, its figures. */
function RowHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{t('engagement.import.url')}</th>
      <th scope="col">{t('engagement.import.date')}</th>
      <th scope="col">{t('engagement.metric.impressions')}</th>
      <th scope="col">{t('engagement.metric.engagements')}</th>
    </>
  );
}

/** The day the row's date names once read, else the date as the file writes it. */
function RowCells({ row }: { row: ShownRow }) {
  const { mediumDate } = useDateFormat();
  return (
    <>
      <td className="url">{row.url}</td>
      <td>{row.publishedOn !== null ? mediumDate(row.publishedOn) : (row.dateText ?? '–')}</td>
      <td className="figure">{row.impressions ?? '–'}</td>
      <td className="figure">{row.engagements ?? '–'}</td>
    </>
  );
}

function ImportOutcome({ result, busy, onDateOrder }: { result: LinkedinImportResult; busy: boolean; onDateOrder: ((order: DateOrder) => void) | null }) {
  const { t } = useTranslation();
  const { dateTime, mediumDate } = useDateFormat();
  const asked = result.unmatched.filter((row) => row.reason === 'dateOrder');
  const example = asked[0];
  const [monthFirst, dayFirst] = example?.possibleDays ?? [];
  const status = [
    t('engagement.import.matched', { count: result.matched.length }),
    result.followers ? t('engagement.import.followers', { count: result.followers.count }) : null,
    result.dateOrder ? t(`engagement.import.readAs.${result.dateOrder.order}`) : null,
    result.repeatedHeaders > 0 ? t('engagement.import.repeatedHeaders', { count: result.repeatedHeaders }) : null,
  ];
  return (
    <div data-testid="linkedin-import-result">
      <p role="status">{status.filter((part) => part !== null).join(' ')}</p>
      {example && monthFirst && dayFirst && onDateOrder ? (
        <div className="engagement-ask" role="group" aria-labelledby="linkedin-import-ask" data-testid="linkedin-import-ask">
          <p id="linkedin-import-ask">{t('engagement.import.askOrder', { count: asked.length })}</p>
          <button type="button" disabled={busy} onClick={() => onDateOrder('dayFirst')}>
            {t('engagement.import.orderChoice.dayFirst', { date: example.dateText, day: mediumDate(dayFirst) })}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => onDateOrder('monthFirst')}>
            {t('engagement.import.orderChoice.monthFirst', { date: example.dateText, day: mediumDate(monthFirst) })}
          </button>
        </div>
      ) : null}
      {result.matched.length > 0 ? (
        <table className="engagement-table" data-testid="linkedin-import-matched">
          <caption>{t('engagement.import.matchedCaption')}</caption>
          <thead>
            <tr>
              <RowHeads />
              <th scope="col">{t('engagement.import.post')}</th>
              <th scope="col">{t('engagement.import.by')}</th>
            </tr>
          </thead>
          <tbody>
            {result.matched.map((row) => (
              <tr key={row.url}>
                <RowCells row={row} />
                <td>
                  <AppLink to={`#/posts/${row.postId}`}>{row.title}</AppLink> · {dateTime(row.postPublishedAt)}
                </td>
                <td>{t(`engagement.import.byWhat.${row.by}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.unmatched.length > 0 ? (
        <table className="engagement-table" data-testid="linkedin-import-unmatched">
          <caption>{t('engagement.import.unmatched', { count: result.unmatched.length })}</caption>
          <thead>
            <tr>
              <RowHeads />
              <th scope="col">{t('engagement.import.why')}</th>
            </tr>
          </thead>
          <tbody>
            {result.unmatched.map((row) => {
              const [first, second] = row.possibleDays;
              return (
                <tr key={row.url}>
                  <RowCells row={row} />
                  <td>
                    {t(`engagement.import.reason.${row.reason}`, {
                      date: row.dateText ?? '',
                      first: first ? mediumDate(first) : '',
                      second: second ? mediumDate(second) : '',
                    })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
