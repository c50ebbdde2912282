import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { usePartners, usePostList } from '../app/queries';
import { PostEditor } from '../editor/PostEditor';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';

export interface PostsPageProps {
  postId: string | null;
  newPostRequest: number;
  onOpen: (postId: string | null) => void;
}

export function PostsPage({ postId, newPostRequest, onOpen }: PostsPageProps) {
  const { t } = useTranslation();
  const { relative } = useDateFormat();
  const queryClient = useQueryClient();
  const [partnerFilter, setPartnerFilter] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const partners = usePartners(false);
  const posts = usePostList(partnerFilter);
  const partnerList = partners.data ?? [];
  const partnerById = new Map(partnerList.map((p) => [p.id, p]));

  const post = useQuery({
    queryKey: ['posts', 'detail', postId],
    queryFn: () => api.call('posts.get', { id: postId ?? '' }),
    enabled: postId !== null,
    staleTime: Infinity,
    gcTime: 0,
  });

  const create = async () => {
    setError(null);
    const partnerId = partnerFilter ?? partnerList[0]?.id;
    if (!partnerId) {
      setError(t('posts.needPartner'));
      return;
    }
    try {
      const created = await api.call('posts.create', { partnerId, networks: ['linkedin'] });
      await queryClient.invalidateQueries({ queryKey: ['posts', 'list'] });
      onOpen(created.id);
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  const lastRequest = useRef(newPostRequest);
  useEffect(() => {
    if (newPostRequest !== lastRequest.current && partners.isSuccess) {
      lastRequest.current = newPostRequest;
      void create();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to the shortcut only
  }, [newPostRequest, partners.isSuccess]);

  return (
    <section className="posts-page">
      <div className="post-list-pane">
        <header className="page-header">
          <h1>{t('posts.title')}</h1>
          <button className="primary" onClick={() => void create()} data-testid="new-post">
            {t('posts.new')}
          </button>
        </header>
        <select aria-label={t('editor.partner')} value={partnerFilter ?? ''} onChange={(e) => setPartnerFilter(e.target.value || null)}>
          <option value="">{t('posts.filterAll')}</option>
          {partnerList.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.displayName}
            </option>
          ))}
        </select>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        {posts.data?.length === 0 ? <p className="empty">{partnerList.length === 0 ? t('posts.needPartner') : t('posts.empty')}</p> : null}
        <ul className="post-list">
          {(posts.data ?? []).map((summary) => {
            const partner = partnerById.get(summary.partnerId);
            return (
              <li key={summary.id}>
                <a href={`#/posts/${summary.id}`} className={summary.id === postId ? 'post-item active' : 'post-item'} data-testid="post-item">
                  <span className="swatch" style={{ background: partner?.color ?? '#999' }} aria-hidden="true" />
                  <span className="post-item-main">
                    <strong>{summary.title || t('posts.untitled')}</strong>
                    <span className="muted small">
                      {partner?.displayName} · {t(`posts.status.${summary.status}`)} · {t('posts.updated', { when: relative(summary.updatedAt) })}
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="editor-pane">
        {postId === null ? (
          <p className="empty">{t('editor.selectPost')}</p>
        ) : post.error ? (
          <p className="form-error" role="alert">{errorMessage(t, post.error)}</p>
        ) : post.data ? (
          <PostEditor key={post.data.id} initial={post.data} partners={partnerList} onDeleted={() => onOpen(null)} />
        ) : null}
      </div>
    </section>
  );
}
