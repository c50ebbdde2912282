import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostList } from '../app/queries';

export function SearchDialog({ onClose, onPick }: { onClose: () => void; onPick: (postId: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const results = usePostList(null, query.trim());

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="search-dialog" onClose={onClose} aria-label={t('search.title')}>
      <input
        type="search"
        autoFocus
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = results.data?.[0];
          if (e.key === 'Enter' && first) onPick(first.id);
        }}
      />
      <ul className="search-results">
        {query.trim() !== '' && results.data?.length === 0 ? <li className="muted">{t('search.none')}</li> : null}
        {query.trim() !== ''
          ? (results.data ?? []).slice(0, 20).map((post) => (
              <li key={post.id}>
                <button onClick={() => onPick(post.id)}>
                  <strong>{post.title || '—'}</strong>
                  <span className="muted small">{post.plainText.slice(0, 120)}</span>
                </button>
              </li>
            ))
          : null}
      </ul>
      <button className="link" onClick={onClose}>
        {t('search.close')}
      </button>
    </dialog>
  );
}
