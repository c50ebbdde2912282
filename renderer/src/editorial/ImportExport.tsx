import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredLine } from '../../../shared/api/procedures/editorial';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { fileTooLargeError } from '../ui/fileTooLarge';
import { MAX_LINE_FILE_BYTES } from '../../../shared/api/requestSize';
import { decodeText } from '../../../shared/files/decodeText';
import { downloadText } from './downloadText';
import { IssueList } from './IssueList';
import { issuesOfError, rulesOfError } from './lineErrors';
import type { LineIssue } from './lineErrors';
import { FilePicker } from '../ui/FilePicker';

export interface ImportExportProps {
  partnerId: string | null;
  baseVersion: number | null;
  dirty: boolean;
  onImported: (line: StoredLine) => void;
}

/** The line as a JSON file (download), and a JSON file as the line's next version (upload, validated first). */
export function ImportExport({ partnerId, baseVersion, dirty, onImported }: ImportExportProps) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<{ text: string; issues: LineIssue[]; rules: ReturnType<typeof rulesOfError>; file: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const exportCurrent = async () => {
    setError(null);
    try {
      const file = await api.call('editorial.export', { partnerId });
      downloadText(file.fileName, file.json);
    } catch (e) {
      setError({ text: errorMessage(t, e), issues: [], rules: [], file: '' });
    }
  };

  const importFile = async (file: File) => {
    setError(null);
    setDone(null);
    setNotice(null);
    try {
      const tooLarge = fileTooLargeError(file, MAX_LINE_FILE_BYTES);
      if (tooLarge) throw tooLarge;
      const { text: json, encoding } = decodeText(new Uint8Array(await file.arrayBuffer()));
      // Already damaged before it reached Plume (saved once in the wrong encoding): refused, not imported as is.
      if (json.includes('\uFFFD')) {
        setError({ text: t('editorialLine.import.replacementCharacter'), issues: [], rules: [], file: file.name });
        return;
      }
      const line = await api.call('editorial.import', { partnerId, baseVersion, json });
      setDone(t('editorialLine.import.done', { name: file.name, version: line.version }));
      if (encoding === 'windows-1252') setNotice(t('editorialLine.import.windows1252'));
      onImported(line);
    } catch (e) {
      const text = e instanceof ApiError && e.messageKey.startsWith('editorialLine.') ? t(e.messageKey) : errorMessage(t, e);
      setError({ text, issues: issuesOfError(e), rules: rulesOfError(e), file: file.name });
    }
  };

  return (
    <section className="line-section import-export" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('editorialLine.import.title')}</h2>
      <div className="actions">
        <button type="button" onClick={() => void exportCurrent()} disabled={baseVersion === null}>
          {t('editorialLine.import.export')}
        </button>
        <FilePicker label={t('editorialLine.import.import')} accept="application/json,.json" disabled={dirty} data-testid="line-import" onFile={(file) => void importFile(file)} />
        {dirty ? <span className="hint">{t('editorialLine.saveFirst')}</span> : null}
      </div>
      <p className="hint">{t('editorialLine.import.hint')}</p>
      {done ? <p className="ok-message" role="status">{done}</p> : null}
      {notice ? (
        <p className="hint" data-testid="line-import-notice">
          {notice}
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          <p>{error.file ? t('editorialLine.import.failed', { name: error.file, reason: error.text }) : error.text}</p>
          <IssueList issues={error.issues} rules={error.rules} />
        </div>
      ) : null}
    </section>
  );
}
