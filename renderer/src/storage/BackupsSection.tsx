import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from '../ui/fileSize';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { storageKeys, useBackups, useRestore, useWorkspaceHealth } from './queries';
import type { BackupInfo } from '../../../shared/workspace/health';

/** The current instant every second while `on`, for a running count of seconds. */
function useTicking(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

/** When a backup or restore was asked for (called from the click, never while rendering). */
const startedNow = (): number => Date.now();

/** Settings › Backups: where they are, the list, "back up now" and restore. */
export function BackupsSection() {
  const { t } = useTranslation();
  // Plume's own date format (day first, 24 hours in English too), in the user's zone.
  const { dateTime, dateTimeSeconds } = useDateFormat();
  const size = useFileSize();
  const queryClient = useQueryClient();
  const backups = useBackups();
  const health = useWorkspaceHealth();
  const failure = health.data?.lastBackupFailure ?? null;
  const restore = useRestore();
  // The newest copy's size: about what the next one copies.
  const newest = backups.data?.reduce<BackupInfo | null>((latest, backup) => (latest === null || backup.takenAt > latest.takenAt ? backup : latest), null) ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // What runs and since when: an agency's 1.2 GB workspace takes ~45 s to copy and check, and the
  // section said nothing until it was done.
  const [working, setWorking] = useState<{ kind: 'backup' | 'restore'; since: number } | null>(null);
  const now = useTicking(working !== null);
  const seconds = (since: number, until: number) => Math.max(0, Math.round((until - since) / 1000));

  const run = async (kind: 'backup' | 'restore', work: (since: number) => Promise<string>) => {
    const since = startedNow();
    setBusy(true);
    setWorking({ kind, since });
    setError(null);
    setNotice(null);
    try {
      setNotice(await work(since));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setWorking(null);
      await queryClient.invalidateQueries({ queryKey: storageKeys.backups });
    }
  };

  const backUpNow = () =>
    run('backup', async (since) => {
      await api.call('backups.create', {});
      const took = seconds(since, startedNow());
      return took === 0 ? t('storage.backups.writtenQuick') : t('storage.backups.written', { seconds: took });
    });

  /** `which`: the backup as the list names it, its kind and its time (« la sauvegarde automatique du … »). */
  const restoreOne = (name: string, which: string) => {
    if (!window.confirm(t('storage.backups.confirm', { which }))) return;
    void run('restore', async () => {
      await restore(name);
      return t('storage.backups.restored', { which });
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
          // Two backups of one minute (one kept just before a restore, say) are told apart by their seconds.
          const sameMinute = backups.data.some((other) => other !== backup && dateTime(other.takenAt) === dateTime(backup.takenAt));
          const when = sameMinute ? dateTimeSeconds(backup.takenAt) : dateTime(backup.takenAt);
          return (
            <li key={backup.name} data-testid="backup-row" data-kind={backup.kind}>
              <span>{when}</span> <span className="hint">{t(`storage.backups.kind.${backup.kind}`)}</span>{' '}
              <span className="hint">{size(backup.bytes)}</span>{' '}
              <button disabled={busy} onClick={() => restoreOne(backup.name, t(`storage.backups.which.${backup.kind}`, { when }))}>
                {t('storage.backups.restore')}
              </button>
            </li>
          );
        })}
      </ul>
      <button disabled={busy} onClick={() => void backUpNow()}>
        {t('storage.backups.now')}
      </button>
      {working ? (
        <p role="status" data-testid="backup-working">
          {working.kind === 'restore'
            ? t('storage.backups.restoring', { seconds: seconds(working.since, now) })
            : newest
              ? t('storage.backups.workingSized', { size: size(newest.bytes), seconds: seconds(working.since, now) })
              : t('storage.backups.working', { seconds: seconds(working.since, now) })}
        </p>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {errorMessage(t, error)}
        </p>
      ) : null}
    </section>
  );
}
