import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { postTitle, untitledOpening } from '../posts/postTitle';
import { keys, usePartners } from '../app/queries';
import { useDateFormat } from '../ui/useDateFormat';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { SearchCountNote } from './SearchCountNote';
import { takeEarlyKeys } from './earlyKeys';
import { SnippetText } from './SnippetText';

/** Results shown: FTS5 ranks and keeps these many, so a common word costs no more than a rare one. */
const TOP = 20;
const DEBOUNCE_MS = 150;

export function SearchDialog({ onClose, onPick }: { onClose: () => void; onPick: (postId: string) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const dialog = useRef<HTMLDialogElement>(null);
  const partners = usePartners(true);
  // The same FTS5 search as the calendar's box. Each settled query is its own cache entry: an
  // older answer arriving late belongs to its own key and is never shown for the newer query.
  const results = useQuery({
    queryKey: [...keys.calendar, 'search', settled, 'top', TOP],
    queryFn: () => api.call('calendar.search', { query: settled, limit: TOP }),
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
  });
  // Hits for exactly what is typed (not a previous query's, kept on screen while the next one runs).
  const current = query.trim() === settled && !results.isPlaceholderData ? results.data : undefined;

  // In the commit that draws the dialog, so no key falls between the keeper and the field.
  useLayoutEffect(() => {
    dialog.current?.showModal();
    // The field has the focus now: what was typed since Ctrl+K is its beginning (an outside
    // system, the window's keys, handing over its text once).
    const early = takeEarlyKeys();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (early) setQuery((typedSince) => early + typedSince);
    return () => void takeEarlyKeys();
  }, []);

  const partnerName = (id: string) => partners.data?.find((partner) => partner.id === id)?.displayName ?? '';

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
          const first = current?.[0];
          if (e.key === 'Enter' && first) onPick(first.id);
          // One Escape closes the search, typed text or not (a search field's own Escape only empties it).
          if (e.key === 'Escape') {
            e.preventDefault();
            dialog.current?.close();
          }
        }}
      />
      <ul className="search-results">
        {query.trim() !== '' && current?.length === 0 ? <li className="muted">{t('search.none')}</li> : null}
        {query.trim() !== ''
          ? (results.data ?? []).map((hit) => {
              // An untitled post: « Sans titre », then how its text begins, to tell it from the others.
              const opening = untitledOpening(hit.title, hit.opening);
              return (
                <li key={hit.id}>
                  <button data-testid="quick-search-hit" onClick={() => onPick(hit.id)}>
                    <strong>
                      {postTitle(hit.title, t)}
                      {opening ? <span className="search-opening"> — {opening}</span> : null}
                    </strong>
                    <span className="muted small">
                      {[partnerName(hit.partnerId), t(`posts.status.${hit.status}`), hit.scheduledAt !== null ? dateTime(hit.scheduledAt) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <SnippetText parts={hit.snippet} />
                  </button>
                </li>
              );
            })
          : null}
      </ul>
      {current && current.length > 0 ? <SearchCountNote query={settled} shown={current.length} /> : null}
      <button className="link" onClick={onClose}>
        {t('search.close')}
      </button>
    </dialog>
  );
}
