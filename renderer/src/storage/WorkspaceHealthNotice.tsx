import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { useRestore, useWorkspaceHealth } from './queries';

/**
 * Says when the workspace file is damaged or was empty: a blocking screen naming the file and
 * what to do (restore the latest backup, or go on read-only to export), then a banner.
 */
export function WorkspaceHealthNotice() {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const health = useWorkspaceHealth();
  const restore = useRestore();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const h = health.data;
  if (!h || h.status === 'ok' || h.status === 'checking') return null;

  const key = `${h.status}:${h.setAsidePath ?? ''}`;
  const latest = h.latestBackup;
  const when = latest ? dateTime(latest.takenAt) : '';
  const restoreLatest = async () => {
    if (!latest) return;
    setBusy(true);
    setError(null);
    try {
      await restore(latest.name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (dismissed === key) {
    return h.status === 'damaged' ? (
      <div className="banner warn" role="status" data-testid="read-only-banner">
        {t('storage.damaged.readOnlyBanner')}
      </div>
    ) : null;
  }

  const damaged = h.status === 'damaged';
  return (
    <div className="health-overlay">
      <div className="health-dialog" role="alertdialog" aria-modal="true" aria-labelledby="health-title" data-testid="workspace-health">
        <h2 id="health-title">{t(damaged ? 'storage.damaged.title' : 'storage.empty.title')}</h2>
        <p>{t(damaged ? 'storage.damaged.body' : 'storage.empty.body', { file: h.file, aside: h.setAsidePath ?? '—' })}</p>
        {damaged && !h.readable ? <p>{t('storage.damaged.unreadable')}</p> : null}
        {damaged ? <p>{t('storage.damaged.what')}</p> : null}
        {latest ? null : <p>{t('storage.damaged.noBackup')}</p>}
        {h.reason ? <p className="hint">{t('storage.damaged.detail', { reason: h.reason })}</p> : null}
        {error ? (
          <p className="field-error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : null}
        <div className="actions">
          {latest ? (
            <button className="primary" disabled={busy} onClick={() => void restoreLatest()}>
              {t('storage.damaged.restore', { when })}
            </button>
          ) : null}
          {!damaged || h.readable ? (
            <button onClick={() => setDismissed(key)}>{t(damaged ? 'storage.damaged.readOnly' : 'storage.empty.keep')}</button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
