import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Post } from '../../../shared/posts/schema';
import { keys } from '../app/queries';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';

export interface RevisionsPanelProps {
  postId: string;
  beforeRestore: () => Promise<void>;
  baseVersion: () => number;
  onRestored: (post: Post, number: number) => void;
}

export function RevisionsPanel({ postId, beforeRestore, baseVersion, onRestored }: RevisionsPanelProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revisions = useQuery({ queryKey: keys.revisions(postId), queryFn: () => api.call('posts.revisions', { postId }) });
  const list = revisions.data ?? [];
  const newest = list[0]?.number;

  const restore = async (revisionId: number, number: number) => {
    setError(null);
    try {
      await beforeRestore();
      const post = await api.call('posts.restoreRevision', { postId, revisionId, baseVersion: baseVersion() });
      onRestored(post, number);
      setSelected(null);
      await queryClient.invalidateQueries({ queryKey: keys.revisions(postId) });
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  return (
    <aside className="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('revisions.title')}</h2>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <ol className="revision-list">
        {list.map((revision) => (
          <li key={revision.id} className={selected === revision.id ? "selected" : ""} data-testid="revision" data-number={revision.number}>
            <button className="revision-item" onClick={() => setSelected(selected === revision.id ? null : revision.id)} aria-expanded={selected === revision.id}>
              <strong>{t('revisions.number', { number: revision.number })}</strong>
              {revision.number === newest ? <span className="badge">{t('revisions.current')}</span> : null}
              <span className="muted small">{dateTime(revision.createdAt)}</span>
              {revision.restoredFrom ? <span className="muted small">{t('revisions.restoredFrom', { number: revision.restoredFrom })}</span> : null}
              <span className="excerpt">{revision.plainText.slice(0, 90) || '—'}</span>
            </button>
            {selected === revision.id ? (
              <div className="revision-preview">
                <pre>{revision.plainText}</pre>
                {revision.number !== newest ? (
                  <button onClick={() => void restore(revision.id, revision.number)}>{t('revisions.restore')}</button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </aside>
  );
}
