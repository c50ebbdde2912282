import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Post } from '../../../shared/posts/schema';
import { keys } from '../app/queries';
import { fetchRevisionPage, refreshRevisionsFirstPage } from './revisionPages';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';

export interface RevisionsPanelProps {
  postId: string;
  beforeRestore: () => Promise<void>;
  /** Saves what is typed and keeps it as a revision (the button, as Ctrl+S). */
  onKeep: () => Promise<void>;
  baseVersion: () => number;
  onRestored: (post: Post, number: number) => void;
}

export function RevisionsPanel({ postId, beforeRestore, onKeep, baseVersion, onRestored }: RevisionsPanelProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revisions = useInfiniteQuery({
    queryKey: keys.revisions(postId),
    queryFn: ({ pageParam }) => fetchRevisionPage(postId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const list = revisions.data?.pages.flatMap((page) => page.items) ?? [];
  const newest = list[0]?.number;
  // The body is read only for the one revision opened.
  const opened = useQuery({
    queryKey: keys.revision(selected ?? 0),
    queryFn: () => api.call('posts.revision', { id: selected ?? 0 }),
    enabled: selected !== null,
  });
  // Revisions kept elsewhere (another window, a sign-off request): refresh the first page only.
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'post.saved' && event.postId === postId) {
          void refreshRevisionsFirstPage(queryClient, postId, event.revisionCount);
        }
      }),
    [postId, queryClient],
  );

  const revisionName = (revision: (typeof list)[number], latest: boolean): string =>
    [
      t('revisions.number', { number: revision.number }),
      latest ? t('revisions.latest') : null,
      dateTime(revision.createdAt),
      revision.restoredFrom ? t('revisions.restoredFrom', { number: revision.restoredFrom }) : null,
      revision.excerpt || null,
    ]
      .filter((part) => part !== null)
      .join(', ');

  const restore = async (revisionId: number, number: number) => {
    setError(null);
    try {
      await beforeRestore();
      const post = await api.call('posts.restoreRevision', { postId, revisionId, baseVersion: baseVersion() });
      onRestored(post, number);
      setSelected(null);
      await refreshRevisionsFirstPage(queryClient, postId, post.revisionCount);
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  return (
    <aside className="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('revisions.title')}</h2>
      <button className="revisions-keep" onClick={() => void onKeep()} aria-keyshortcuts="Control+S" title={t('revisions.keepHint')}>
        {t('revisions.keep')}
      </button>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <ol className="revision-list">
        {list.map((revision) => (
          <li key={revision.id} className={selected === revision.id ? "selected" : ""} data-testid="revision" data-number={revision.number}>
            <button
              className="revision-item"
              onClick={() => setSelected(selected === revision.id ? null : revision.id)}
              aria-expanded={selected === revision.id}
              // Its parts as one sentence: read as they are laid out, they ran together (« Version 1dernière7 déc.… »).
              aria-label={revisionName(revision, revision.number === newest)}
            >
              <strong>{t('revisions.number', { number: revision.number })}</strong>
              {revision.number === newest ? <span className="badge">{t('revisions.latest')}</span> : null}
              <span className="muted small">{dateTime(revision.createdAt)}</span>
              {revision.restoredFrom ? <span className="muted small">{t('revisions.restoredFrom', { number: revision.restoredFrom })}</span> : null}
              <span className="excerpt">{revision.excerpt || <span aria-hidden="true">—</span>}</span>
            </button>
            {selected === revision.id ? (
              <div className="revision-preview">
                {opened.data?.id === revision.id ? (
                  <pre>{opened.data.plainText}</pre>
                ) : opened.error ? (
                  <p className="form-error" role="alert">{errorMessage(t, opened.error)}</p>
                ) : (
                  <p className="muted small">{t('revisions.loading')}</p>
                )}
                {/* The newest too: the text typed since may differ from it. */}
                <button onClick={() => void restore(revision.id, revision.number)}>{t('revisions.restore')}</button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {revisions.hasNextPage ? (
        <button className="revisions-more" onClick={() => void revisions.fetchNextPage()} disabled={revisions.isFetchingNextPage}>
          {t('revisions.more')}
        </button>
      ) : null}
    </aside>
  );
}
