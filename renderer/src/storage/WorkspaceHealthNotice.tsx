import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { WorkspaceHealth } from '../../../shared/workspace/health';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { useRestore, useWorkspaceHealth, workspaceHealthQuery } from './queries';

/** While core checks the backups (seconds, a worker per backup), the screen asks again until it has the answer: its event may come before the page listens. */
const BACKUPS_CHECK_POLL_MS = 1_000;

/** What the screen tells the user to do: exactly the buttons it shows. */
function adviceKey(h: WorkspaceHealth, offered: boolean): string | null {
  if (h.status !== 'damaged') return null;
  if (!h.backupsChecked) return null;
  if (offered) return h.readable ? 'storage.damaged.what' : 'storage.damaged.whatRestoreOnly';
  return h.readable ? 'storage.damaged.whatReadOnlyOnly' : 'storage.damaged.whatNothing';
}

/**
 * Says when the workspace file is damaged, was empty, or is not a file Plume may open: a
 * blocking screen naming the file and what to do (restore the newest backup that passes its
 * check, or go on read-only to export), then a banner.
 */
export function WorkspaceHealthNotice() {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  useWorkspaceHealth();
  const health = useQuery({
    ...workspaceHealthQuery,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && (data.status === 'damaged' || data.status === 'emptyFile') && !data.backupsChecked ? BACKUPS_CHECK_POLL_MS : false;
    },
  });
  const restore = useRestore();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The screen as it was when « Restaurer » was pressed, kept until the restore has answered and
  // the pages' reads are fresh: core says « checking », then « ok », while it swaps the file in,
  // and hiding the screen then showed the damaged workspace's (empty) lists for a while.
  const [restoring, setRestoring] = useState<WorkspaceHealth | null>(null);
  const busy = restoring !== null;
  const h = restoring ?? health.data;
  if (!h || h.status === 'ok' || h.status === 'checking') return null;

  if (h.status === 'unopenable') {
    return (
      <div className="health-overlay">
        <div className="health-dialog" role="alertdialog" aria-modal="true" aria-labelledby="health-title" data-testid="workspace-health">
          <h2 id="health-title">{t('storage.unopenable.title')}</h2>
          <p>{t(h.cause === 'directory' ? 'errors.workspaceIsDirectory' : 'errors.workspaceNoAccess', { file: h.file })}</p>
          <p className="hint">{t('storage.unopenable.hint')}</p>
        </div>
      </div>
    );
  }

  const key = `${h.status}:${h.setAsidePath ?? ''}`;
  const offered = h.soundBackup;
  const when = offered ? dateTime(offered.takenAt) : '';
  const restoreOffered = async () => {
    if (!offered) return;
    setRestoring(h);
    setError(null);
    try {
      await restore(offered.name);
    } catch (e) {
      setError(e);
    } finally {
      setRestoring(null);
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
  const canContinue = !damaged || h.readable;
  const advice = adviceKey(h, offered !== null);
  return (
    <div className="health-overlay">
      <div className="health-dialog" role="alertdialog" aria-modal="true" aria-labelledby="health-title" data-testid="workspace-health">
        <h2 id="health-title">{t(damaged ? 'storage.damaged.title' : 'storage.empty.title')}</h2>
        <p>{t(damaged ? (h.setAsideEarlier ? 'storage.damaged.bodyEarlier' : 'storage.damaged.body') : 'storage.empty.body', { file: h.file, aside: h.setAsidePath ?? '—' })}</p>
        {damaged && !h.readable ? <p>{t('storage.damaged.unreadable')}</p> : null}
        {!h.backupsChecked ? (
          <p role="status" data-testid="checking-backups">
            {t('storage.damaged.checkingBackups')}
          </p>
        ) : h.damagedBackups.length > 0 && offered ? (
          <p>{t('storage.damaged.damagedBackups', { count: h.damagedBackups.length })}</p>
        ) : h.damagedBackups.length > 0 ? (
          <p>{t('storage.damaged.noSoundBackup')}</p>
        ) : !offered ? (
          <p>{t('storage.damaged.noBackup')}</p>
        ) : null}
        {advice ? <p data-testid="health-advice">{t(advice)}</p> : null}
        {busy ? (
          <p role="status" data-testid="restoring">
            {t('storage.damaged.restoring')}
          </p>
        ) : null}
        {h.reason ? <p className="hint">{t('storage.damaged.detail', { reason: h.reason })}</p> : null}
        {error ? (
          <p className="field-error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : null}
        <div className="actions">
          {offered ? (
            <button className="primary" disabled={busy} onClick={() => void restoreOffered()}>
              {t('storage.damaged.restore', { when })}
            </button>
          ) : null}
          {canContinue ? <button disabled={busy} onClick={() => setDismissed(key)}>{t(damaged ? 'storage.damaged.readOnly' : 'storage.empty.keep')}</button> : null}
        </div>
      </div>
    </div>
  );
}
