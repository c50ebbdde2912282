import { useTranslation } from 'react-i18next';
import { AppLink } from '../ui/AppLink';
import { useWorkspaceHealth } from './queries';

/**
 * The status bar's word on the workspace file, never "all is well" while it is not: saving
 * refused because the file is read-only, or the latest backup failed.
 */
export function WorkspaceStatusPills() {
  const { t } = useTranslation();
  const health = useWorkspaceHealth().data;
  if (!health) return null;
  return (
    <>
      {health.readOnly ? (
        <span className="pill error" role="alert" data-testid="workspace-read-only" title={t('storage.readOnly.pillTitle', { file: health.file })}>
          {t('storage.readOnly.pill')}
        </span>
      ) : null}
      {health.lastBackupFailure ? (
        <AppLink to="#/settings" className="pill error" data-testid="backup-failed-pill">
          {t('storage.backupFailedPill')}
        </AppLink>
      ) : null}
    </>
  );
}
