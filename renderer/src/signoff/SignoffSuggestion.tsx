import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { networkLabels } from '../../../shared/posts/networks';
import { pendingSuggestion } from '../../../shared/signoff/suggestion';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { signoffKeys, useSignoffHistory } from './queries';
import { postLists } from '../app/queries';
import { invalidatePostsButLists } from '../posts/listRefresh';
import { ownSaves } from './ownSaves';

/**
 * The partner's corrected text, as a suggestion: a word diff against the revision they were
 * asked about, and one button that makes it the new revision and asks them again.
 */
export function SignoffSuggestion({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const history = useSignoffHistory(postId);
  const post = useQuery({ queryKey: ['posts', 'detail', postId], queryFn: () => api.call('posts.get', { id: postId }) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggestion = pendingSuggestion(history.data ?? []);
  if (suggestion === null) return null;
  const { entry, fact, diff } = suggestion;

  const apply = async () => {
    const baseVersion = post.data?.version;
    if (baseVersion === undefined) return;
    setBusy(true);
    setError(null);
    // The editor follows the new revision: it says it is her corrections, not another window's save.
    ownSaves.begin(postId, t('signoff.suggestion.applied', { name: entry.actor.name }));
    try {
      await api.call('signoff.applySuggestion', { postId, entryId: entry.id, baseVersion });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: signoffKeys.post(postId) }),
        postLists.now(queryClient, [postId]),
        invalidatePostsButLists(queryClient),
      ]);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      ownSaves.end(postId);
      setBusy(false);
    }
  };

  return (
    <section className="signoff-section signoff-suggestion" aria-labelledby={`signoff-suggestion-${postId}`} data-testid="signoff-suggestion">
      <h3 id={`signoff-suggestion-${postId}`}>{t('signoff.suggestion.heading', { name: entry.actor.name })}</h3>
      <p className="small muted">
        {t('signoff.suggestion.about', { number: entry.revisionNumber ?? 0, when: dateTime(entry.at), network: networkLabels[fact.network] })} ·{' '}
        {t(`signoff.suggestion.source.${fact.source}`)}
      </p>
      <p className="signoff-diff-text" data-testid="suggestion-diff">
        {diff.map((part, index) =>
          part.op === 'insert' ? <ins key={index}>{part.text}</ins> : part.op === 'delete' ? <del key={index}>{part.text}</del> : <span key={index}>{part.text}</span>,
        )}
      </p>
      {post.data !== undefined && entry.revisionNumber !== null && post.data.revisionCount !== entry.revisionNumber ? (
        <p className="small warn-text" data-testid="suggestion-outdated">
          {t('signoff.suggestion.outdated', { number: entry.revisionNumber, current: post.data.revisionCount })}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button className="primary" disabled={busy || post.data === undefined} onClick={() => void apply()}>
        {t('signoff.suggestion.apply')}
      </button>
    </section>
  );
}
