import { memo, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { partnerContext } from '../app/partnerContext';
import { postDetailQuery, usePartners, usePostList } from '../app/queries';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { postStatuses } from '../../../shared/posts/schema';
import type { PostStatus } from '../../../shared/posts/schema';
import { PostEditor } from '../editor/PostEditor';
import { errorMessage } from '../ui/errorMessage';
import { ApiError } from '../../../shared/api/errors';
import { useDateFormat } from '../ui/useDateFormat';
import { useNow } from '../ui/useNow';
import type { Partner } from '../../../shared/partners/schema';
import type { PostSummary } from '../../../shared/posts/schema';
import { AppLink } from '../ui/AppLink';
import { postTitle } from './postTitle';
import { statusLabelKey, useOverdue } from './overdue';

/** A row's height before it is measured: a one-line title and its line of details. */
const ROW_PX = 56;
/** The next page is read when the rows drawn come this close to the end of those loaded. */
const READ_AHEAD_ROWS = 40;
const SEARCH_DEBOUNCE_MS = 200;
const isStatus = (value: string): value is PostStatus => (postStatuses as readonly string[]).includes(value);

export interface PostsPageProps {
  postId: string | null;
  /** Why the last new post could not be made, if it could not. */
  newPostError: string | null;
  /** A new post, for the partner filtered on if any (else the one in context). */
  onNewPost: (partnerId: string | null) => void;
  onOpen: (postId: string | null) => void;
}

export function PostsPage({ postId, newPostError, onNewPost, onOpen }: PostsPageProps) {
  const { t, i18n } = useTranslation();
  const { relative } = useDateFormat();
  const minute = useNow(60_000);
  const [partnerFilter, setPartnerFilter] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState<PostStatus | null>(null);
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const partners = usePartners(false);
  // Page by page, newest change first: an agency's 100,000 posts were cut to their newest 500
  // without a word. Every page carries the number of matching posts, shown above the list.
  const posts = usePostList({ partnerId: partnerFilter, query: settledQuery, status: statusFilter });
  const partnerList = partners.data ?? [];
  const partnerById = new Map(partnerList.map((p) => [p.id, p]));
  const summaries = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const total = posts.data?.pages[0]?.total ?? null;
  const searching = query.trim() !== settledQuery || posts.isPlaceholderData;
  const pane = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Only the rows on screen are drawn: the loaded rows (each with its translations and relative date)
  // were a third of the first screen's rendering, and the browser laid them out again as the
  // editor beside them grew. Plume does not use the React Compiler; the virtualizer re-renders
  // the list as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: summaries.length,
    getScrollElement: () => pane.current,
    // A screenful is drawn in the first pass, before the pane has been measured.
    initialRect: { width: 300, height: window.innerHeight },
    estimateSize: () => ROW_PX,
    getItemKey: (index) => summaries[index]?.id ?? index,
    // The header and the filter scroll with the list, above it.
    scrollMargin: list.current?.offsetTop ?? 0,
    overscan: 8,
  });
  const lastDrawn = rows.getVirtualItems().at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = posts;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastDrawn >= summaries.length - READ_AHEAD_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastDrawn, summaries.length]);

  const post = useQuery({
    ...postDetailQuery(postId ?? ''),
    enabled: postId !== null,
    staleTime: Infinity,
    gcTime: 0,
  });
  // Deleted elsewhere: the one re-read failure that does close the editor.
  const postGone = post.error instanceof ApiError && post.error.code === 'not_found';

  return (
    <section className="posts-page">
      <div className="post-list-pane" ref={pane}>
        <header className="page-header">
          <h1>{t('posts.title')}</h1>
          <button className="primary" onClick={() => onNewPost(partnerFilter)} data-testid="new-post">
            {t('posts.new')}
          </button>
        </header>
        <select aria-label={t('editor.partner')} value={partnerFilter ?? ''} onChange={(e) => {
            const chosen = e.target.value || null;
            setPartnerFilter(chosen);
            partnerContext.set(chosen);
          }}
        >
          <option value="">{t('posts.filterAll')}</option>
          {partnerList.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.displayName}
            </option>
          ))}
        </select>
        <div className="post-list-filters">
          <select aria-label={t('posts.statusFilter')} value={statusFilter ?? ''} onChange={(e) => setStatusFilter(isStatus(e.target.value) ? e.target.value : null)} data-testid="post-status-filter">
            <option value="">{t('posts.statusAll')}</option>
            {postStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`posts.status.${status}`)}
              </option>
            ))}
          </select>
          <input type="search" aria-label={t('posts.search')} placeholder={t('posts.searchShort')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="post-search" />
        </div>
        <p className="muted small post-count" role="status" data-testid="post-count">
          {searching ? t('posts.counting') : total !== null ? t('posts.count', { count: total }) : null}
        </p>
        {posts.error ? <p className="form-error" role="alert">{errorMessage(t, posts.error)}</p> : null}
        {newPostError ? <p className="form-error" role="alert">{newPostError}</p> : null}
        {total === 0 && !searching ? (
          <p className="empty">
            {settledQuery !== '' || statusFilter !== null ? t('posts.noMatch') : partnerList.length === 0 ? t('posts.needPartner') : t('posts.empty')}
          </p>
        ) : null}
        <ul className="post-list" ref={list} style={{ height: rows.getTotalSize() }} aria-busy={isFetchingNextPage}>
          {rows.getVirtualItems().map((row) => {
            const summary = summaries[row.index];
            if (!summary) return null;
            return (
              <li
                key={row.key}
                data-index={row.index}
                ref={rows.measureElement}
                aria-setsize={total ?? summaries.length}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start - rows.options.scrollMargin}px)` }}
              >
                <PostListItem
                  summary={summary}
                  partner={partnerById.get(summary.partnerId)}
                  active={summary.id === postId}
                  language={i18n.language}
                  minute={minute}
                  t={t}
                  relative={relative}
                />
              </li>
            );
          })}
        </ul>
        {isFetchingNextPage ? <p className="muted small" role="status">{t('posts.loadingMore')}</p> : null}
      </div>
      <div className="editor-pane">
        {postId === null ? (
          <p className="empty">{t('editor.selectPost')}</p>
        ) : post.data && !postGone ? (
          // Loaded once, the post stays open whatever a re-read says (core down, a resync): the
          // editor keeps the text and the status bar and save label say core does not answer.
          <PostEditor key={post.data.id} initial={post.data} partners={partnerList} onDeleted={() => onOpen(null)} />
        ) : post.error ? (
          <p className="form-error" role="alert">{errorMessage(t, post.error)}</p>
        ) : null}
      </div>
    </section>
  );
}

interface PostListItemProps {
  summary: PostSummary;
  partner: Partner | undefined;
  active: boolean;
  /** `t` and `relative` change with it; they are not compared. */
  language: string;
  /** Relative dates ("5 minutes ago") move on every minute, not only when their post changes. */
  minute: number;
  t: TFunction;
  relative: (at: number) => string;
}

/**
 * One row of the list. Unchanged summaries keep their identity, whether the list was patched after
 * an event or read again (rows are shared by post, not by place: posts/listPatch.ts), so after a
 * save only the saved post's row renders again, not 500 of them (each with its translations and
 * relative date), even as it moves to the top and shifts the rows below it.
 */
/** A post's status; past its time and still scheduled, it is being sent (or retried), not « Programmée ». */
function PostStatusLabel({ status, scheduledAt, t }: { status: PostStatus; scheduledAt: number | null; t: PostListItemProps['t'] }) {
  return <>{t(statusLabelKey(status, useOverdue(status, scheduledAt)))}</>;
}

const PostListItem = memo(
  function PostListItem({ summary, partner, active, t, relative }: PostListItemProps) {
    return (
      <AppLink to={`#/posts/${summary.id}`} className={active ? 'post-item active' : 'post-item'} data-testid="post-item">
        <span className="swatch" style={{ background: partner?.color ?? '#999' }} aria-hidden="true" />
        <span className="post-item-main">
          <strong>{postTitle(summary.title, t)}</strong>
          <span className="muted small">
            {partner?.displayName} · <PostStatusLabel status={summary.status} scheduledAt={summary.scheduledAt} t={t} /> · {t('posts.updated', { when: relative(summary.updatedAt) })}
          </span>
        </span>
      </AppLink>
    );
  },
  (a, b) => a.summary === b.summary && a.partner === b.partner && a.active === b.active && a.language === b.language && a.minute === b.minute,
);
