import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextRange } from '../../../shared/editorial/findingSchema';
import { errorMessage } from '../ui/errorMessage';
import { highlighted } from './highlighted';
import { useSimilarityCompare } from './queries';
import { useMatchText } from './useMatchText';

export interface ComparisonDialogProps {
  postId: string;
  otherPostId: string;
  text: string | null;
  onRewrite: (shared: readonly TextRange[]) => void;
  onDismiss: () => void;
  onClose: () => void;
}

/** The draft and the other partner's post side by side, their shared passages highlighted. */
export function ComparisonDialog({ postId, otherPostId, text, onRewrite, onDismiss, onClose }: ComparisonDialogProps) {
  const { t } = useTranslation();
  const words = useMatchText();
  const dialog = useRef<HTMLDialogElement>(null);
  const comparison = useSimilarityCompare(postId, otherPostId, text);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const data = comparison.data;
  return (
    <dialog ref={dialog} className="similarity-dialog" onClose={onClose} aria-labelledby="similarity-dialog-title" data-testid="similarity-comparison">
      <h2 id="similarity-dialog-title">{data ? t('similarity.dialogTitle', { partner: data.other.match.partnerName }) : t('similarity.comparing')}</h2>
      {comparison.error ? (
        <p className="form-error" role="alert">
          {t('similarity.loadFailed', { reason: errorMessage(t, comparison.error) })}
        </p>
      ) : !data ? (
        <p className="muted">{t('similarity.comparing')}</p>
      ) : (
        <>
          <p className="similarity-summary">{words.finding(data.other.match)}</p>
          <p className="hint small">{t('similarity.legend')}</p>
          <div className="similarity-columns">
            <section aria-label={t('similarity.yourDraft')}>
              <h3>{t('similarity.yourDraft')}</h3>
              <div className="similarity-text" data-testid="similarity-draft-text">
                {highlighted(data.draft.text, data.draft.shared)}
              </div>
            </section>
            <section aria-label={t('similarity.theirPost', { partner: data.other.match.partnerName, date: words.date(data.other.match) })}>
              <h3>{t('similarity.theirPost', { partner: data.other.match.partnerName, date: words.date(data.other.match) })}</h3>
              <div className="similarity-text" data-testid="similarity-other-text">
                {highlighted(data.other.text, data.other.shared)}
              </div>
            </section>
          </div>
        </>
      )}
      <div className="actions">
        <button disabled={!data} onClick={() => data && onRewrite(data.draft.shared)}>
          {t('similarity.rewrite')}
        </button>
        <button title={t('similarity.dismissHint')} onClick={onDismiss}>
          {t('similarity.dismiss')}
        </button>
        <button className="link" autoFocus onClick={onClose}>
          {t('similarity.close')}
        </button>
      </div>
    </dialog>
  );
}
