import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../ui/useDateFormat';
import type { UnsavedCopy } from './unsavedCopy';

/** Offers back text typed while it could not be saved, kept by the browser (unsavedCopy.ts). */
export function UnsavedCopyBanner({ copy, onRestore, onDiscard }: { copy: UnsavedCopy; onRestore: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  return (
    <div className="banner warn" role="alert" data-testid="unsaved-copy-banner">
      <div>
        <strong>{t('editor.unsavedCopy.title')}</strong> {t('editor.unsavedCopy.body', { when: dateTime(copy.keptAt) })}
      </div>
      <div className="actions">
        <button onClick={onRestore}>{t('editor.unsavedCopy.restore')}</button>
        <button onClick={onDiscard}>{t('editor.unsavedCopy.discard')}</button>
      </div>
    </div>
  );
}
