import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CommentVisibility } from '../../../shared/signoff/schema';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { signoffKeys, useSignoffComments } from './queries';

/** Comments on a post: internal ones stay in the team; partner-visible ones go with the next request. */
export function SignoffComments({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const comments = useSignoffComments(postId);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<CommentVisibility>('internal');
  const [error, setError] = useState<string | null>(null);

  const add = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    setError(null);
    try {
      await api.call('signoff.addComment', { postId, body, visibility });
      setBody('');
      await queryClient.invalidateQueries({ queryKey: signoffKeys.post(postId) });
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  const list = comments.data ?? [];
  return (
    <section className="signoff-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('signoff.comments.heading')}</h3>
      {list.length === 0 ? <p className="hint">{t('signoff.comments.empty')}</p> : null}
      <ul className="signoff-comments" data-testid="signoff-comments">
        {list.map((comment) => (
          <li key={comment.id} className={`comment ${comment.visibility}`} data-visibility={comment.visibility}>
            <span className="muted small">
              {comment.authorKind === 'partner' ? comment.authorName : t('signoff.comments.you')} · {dateTime(comment.createdAt)} ·{' '}
              {t(`signoff.comments.visibility.${comment.visibility}`)}
              {comment.authorKind === 'community_manager' && comment.visibility === 'partner'
                ? ` · ${comment.sentInRequestId === null ? t('signoff.comments.pending') : t('signoff.comments.sent')}`
                : ''}
            </span>
            <p>{comment.body}</p>
          </li>
        ))}
      </ul>
      <form className="signoff-form" onSubmit={(e) => void add(e)}>
        <textarea aria-label={t('signoff.comments.placeholder')} placeholder={t('signoff.comments.placeholder')} value={body} rows={2} maxLength={10_000} onChange={(e) => setBody(e.target.value)} />
        <div className="actions">
          <select aria-label={t('signoff.comments.heading')} value={visibility} onChange={(e) => setVisibility(e.target.value === 'partner' ? 'partner' : 'internal')}>
            <option value="internal">{t('signoff.comments.visibility.internal')}</option>
            <option value="partner">{t('signoff.comments.visibility.partner')}</option>
          </select>
          <button type="submit" disabled={body.trim() === ''}>
            {t('signoff.comments.add')}
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
