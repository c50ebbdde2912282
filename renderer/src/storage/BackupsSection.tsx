import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from '../ui/fileSize';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { storageKeys, useBackups, useRestore, useWorkspaceHealth } from './queries';

/** Settings › Backups: where they are, the list, "back up now" and restore. */
export function BackupsSection() {
  const { t } = useTranslation();
  // Plume's own date format (day first, 24 hours in English too), in the user's zone.
  const { dateTime } = useDateFormat();
  const size = useFileSize();
  const queryClient = useQueryClient();
  const backups = useBackups();
  const health = useWorkspaceHealth();
  const failure = health.data?.lastBackupFailure ?? null;
  const restore = useRestore();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: storageKeys.backups });
    }
  };

  const backUpNow = () =>
    run(async () => {
      await api.call('backups.create', {});
      return t('storage.backups.written');
    });

  const restoreOne = (name: string, when: string) => {
    if (!window.confirm(t('storage.backups.confirm', { when }))) return;
    void run(async () => {
      await restore(name);
      return t('storage.backups.restored', { when });
    });
  };

  return (
    <section className="settings-section" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title">{t('storage.backups.title')}</h2>
      <p className="hint">{t('storage.backups.intro', { dir: health.data?.backupsDir ?? '' })}</p>
      {backups.data?.length === 0 ? <p>{t('storage.backups.none')}</p> : null}
      {failure ? (
        <p className="field-error" role="status" data-testid="backup-failure">
          {t(`storage.backups.failed.${failure.kind}`, {
            when: dateTime(failure.at),
            why: t(`storage.backups.failed.${failure.cause}`, { detail: failure.detail }),
          })}
        </p>
      ) : null}
      <ul className="backup-list">
        {backups.data?.map((backup) => {
          const when = dateTime(backup.takenAt);
          return (
            <li key={backup.name} data-testid="backup-row" data-kind={backup.kind}>
              <span>{when}</span> <span className="hint">{t(`storage.backups.kind.${backup.kind}`)}</span>{' '}
              <span className="hint">{size(backup.bytes)}</span>{' '}
              <button disabled={busy} onClick={() => restoreOne(backup.name, when)}>
                {t('storage.backups.restore')}
              </button>
            </li>
          );
        })}
      </ul>
      <button disabled={busy} onClick={() => void backUpNow()}>
        {t('storage.backups.now')}
      </button>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {errorMessage(t, error)}
        </p>
      ) : null}
    </section>
  );
}
