import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { downloadText } from './downloadText';
import { useLineVersions } from './queries';

export interface VersionsPanelProps {
  partnerId: string | null;
  currentVersion: number | null;
  /** Restoring or importing would drop unsaved edits: offered only when there are none. */
  dirty: boolean;
  onRestored: () => void;
}

/** Every saved version with its date; export any of them, or make an old one current again. */
export function VersionsPanel({ partnerId, currentVersion, dirty, onRestored }: VersionsPanelProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const id = useId();
  const versions = useLineVersions(partnerId);
  const [error, setError] = useState<string | null>(null);

  const exportVersion = async (version: number) => {
    setError(null);
    try {
      const file = await api.call('editorial.export', { partnerId, version });
      downloadText(file.fileName, file.json);
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  const restore = async (version: number) => {
    setError(null);
    try {
      await api.call('editorial.restoreVersion', { partnerId, version, baseVersion: currentVersion });
      onRestored();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  const list = versions.data ?? [];
  return (
    <section className="line-section versions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('editorialLine.versions.title')}</h2>
      {list.length === 0 && !versions.isLoading ? <p className="empty">{t('editorialLine.versions.none')}</p> : null}
      <ol className="version-list" data-testid="line-versions">
        {list.map((v) => (
          <li key={v.version} className={v.version === currentVersion ? 'current' : undefined}>
            <span>
              <strong>{t('editorialLine.versions.version', { version: v.version })}</strong> · {dateTime(v.createdAt)}
              {v.version === currentVersion ? <span className="badge">{t('editorialLine.versions.current')}</span> : null}
            </span>
            <span className="actions">
              <button type="button" className="link" onClick={() => void exportVersion(v.version)}>
                {t('editorialLine.versions.export')}
              </button>
              {v.version !== currentVersion ? (
                <button type="button" className="link" disabled={dirty} title={dirty ? t('editorialLine.saveFirst') : undefined} onClick={() => void restore(v.version)}>
                  {t('editorialLine.versions.restore')}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
}
