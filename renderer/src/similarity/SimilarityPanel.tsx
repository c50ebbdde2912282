import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextRange } from '../../../shared/editorial/findingSchema';
import type { SimilarityMatch } from '../../../shared/similarity/schema';
import { api } from '../api';
import { useReadError } from '../api/useReadError';
import { errorMessage } from '../ui/errorMessage';
import { ComparisonDialog } from './ComparisonDialog';
import { useDismissSimilarity, useSimilarityCheck, useSimilarityEvents } from './queries';
import { useMatchText } from './useMatchText';
import './similarity.css';

export interface SimilarityPanelProps {
  postId: string;
  /** The editor's current plain text (debounced); null until the editor has one. */
  text: string | null;
  /** Puts the caret on the draft's shared passages so they can be rewritten. */
  onRewrite: (shared: readonly TextRange[]) => void;
}

/**
 * The near-duplicate guard in the editor, beside the editorial line: other partners' posts of
 * the window that this draft is close to, with compare, rewrite and dismiss.
 */
export function SimilarityPanel({ postId, text, onRewrite }: SimilarityPanelProps) {
  const { t } = useTranslation();
  const words = useMatchText();
  useSimilarityEvents();
  const check = useSimilarityCheck(postId, text);
  const dismiss = useDismissSimilarity();
  // Quiet while core is down (the status bar says it once); read again when it is back.
  const checkError = useReadError(check);
  const [comparing, setComparing] = useState<SimilarityMatch | null>(null);
  const open = check.data?.matches.filter((m) => !m.dismissed) ?? [];
  const dismissed = (check.data?.matches.length ?? 0) - open.length;

  const [rewriteError, setRewriteError] = useState<unknown>(null);
  const rewrite = async (match: SimilarityMatch, shared?: readonly TextRange[]) => {
    setComparing(null);
    setRewriteError(null);
    try {
      onRewrite(shared ?? (await api.call('similarity.compare', { postId, otherPostId: match.postId, ...(text === null ? {} : { text }) })).draft.shared);
    } catch (error) {
      setRewriteError(error);
    }
  };
  const dismissPair = (match: SimilarityMatch) => {
    setComparing(null);
    dismiss.mutate({ postId, otherPostId: match.postId });
  };

  return (
    <aside className="similarity-panel side-section" aria-labelledby="similarity-panel-title" data-testid="similarity-panel">
      <h2 id="similarity-panel-title">{t('similarity.panelTitle')}</h2>
      {checkError ? (
        <p className="form-error" role="alert">
          {t('similarity.loadFailed', { reason: errorMessage(t, checkError) })}{' '}
          <button className="link" onClick={() => void check.refetch()}>
            {t('similarity.retry')}
          </button>
        </p>
      ) : !check.data ? (
        <p className="muted">{t('similarity.checking')}</p>
      ) : open.length === 0 ? (
        <p className="editorial-clear" data-testid="similarity-clear">
          {t('similarity.clear', { days: check.data.windowDays })}
        </p>
      ) : (
        <ul>
          {open.map((match) => (
            <li key={match.postId} className={`similarity-finding level-${match.level}`} data-testid="similarity-finding" data-level={match.level}>
              <p>
                <span className={`lint-dot ${match.level === 'strong' ? 'error' : 'warning'}`} aria-hidden="true" /> {words.finding(match)}
              </p>
              <div className="actions">
                <button onClick={() => setComparing(match)}>{t('similarity.compare')}</button>
                <button onClick={() => void rewrite(match)}>{t('similarity.rewrite')}</button>
                <button title={t('similarity.dismissHint')} disabled={dismiss.isPending} onClick={() => dismissPair(match)}>
                  {t('similarity.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {dismiss.error || rewriteError ? (
        <p className="form-error" role="alert">
          {errorMessage(t, dismiss.error ?? rewriteError)}
        </p>
      ) : null}
      {dismissed > 0 ? (
        <p className="muted small" data-testid="similarity-dismissed">
          {t('similarity.dismissed', { count: dismissed })}
        </p>
      ) : null}
      {comparing ? (
        <ComparisonDialog
          postId={postId}
          otherPostId={comparing.postId}
          text={text}
          onRewrite={(shared) => void rewrite(comparing, shared)}
          onDismiss={() => dismissPair(comparing)}
          onClose={() => setComparing(null)}
        />
      ) : null}
    </aside>
  );
}
