import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordScope } from '../../../shared/records/exportFormat';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';

/** Writes the sign-off record of a post, a partner or a month into the workspace's exports folder. */
export function RecordExportButton({ scope, label, disabled = false }: { scope: RecordScope; label: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.call('records.export', { scope });
      setMessage({ kind: 'ok', text: t('records.exported', { path: result.path, count: result.approvals }) });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="record-export">
      <button onClick={() => void run()} disabled={busy || disabled} data-testid={`record-export-${scope.kind}`}>
        {busy ? t('records.exporting') : label}
      </button>
      {message ? (
        <p className={message.kind === 'error' ? 'form-error' : 'hint'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid={`record-export-${scope.kind}-message`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
