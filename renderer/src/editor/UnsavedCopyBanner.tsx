import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../ui/useDateFormat';
import type { UnsavedCopy } from './unsavedCopy';

/**
 * Offers back text typed while it could not be saved, kept by the browser (unsavedCopy.ts).
 * `newerStored`: the post was saved elsewhere since the copy was typed, and the banner says that
 * restoring it would replace that newer text (the restore then asks which to keep).
 */
export function UnsavedCopyBanner({ copy, newerStored, onRestore, onDiscard }: { copy: UnsavedCopy; newerStored: boolean; onRestore: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  return (
    <div className="banner warn" role="alert" data-testid="unsaved-copy-banner">
      <div>
        <strong>{t('editor.unsavedCopy.title')}</strong> {t(newerStored ? 'editor.unsavedCopy.bodyNewer' : 'editor.unsavedCopy.body', { when: dateTime(copy.keptAt) })}
      </div>
      <div className="actions">
        <button onClick={onRestore}>{t('editor.unsavedCopy.restore')}</button>
        <button onClick={onDiscard}>{t('editor.unsavedCopy.discard')}</button>
      </div>
    </div>
  );
}
