import { useTranslation } from 'react-i18next';
import type { PartsOut } from '../../../shared/publishing/publication';

/** Where a publication's first comment stands, shown beside the post's own state (which it never changes). */
export function FirstCommentStatus({ parts }: { parts: PartsOut }) {
  const { t } = useTranslation();
  const comment = parts.firstComment;
  if (!comment) return null;
  return (
    <div className={`first-comment-status ${comment.state}`} data-testid="first-comment-status" data-state={comment.state} role={comment.state === 'failed' ? 'status' : undefined}>
      {comment.state === 'failed' ? t('threads.commentFailed', { error: comment.error ?? '' }) : t(`threads.commentState.${comment.state}`)}
      {comment.url ? (
        <>
          {' '}
          <a href={comment.url} target="_blank" rel="noopener noreferrer">
            {t('threads.openComment')}
          </a>
        </>
      ) : null}
    </div>
  );
}
