import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measure } from '../../../shared/editorial/networks/measure';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { isFirstCommentNetwork, isThreadNetwork } from '../../../shared/threads/networks';
import type { ThreadNetwork } from '../../../shared/threads/networks';
import type { FirstComments, PostThreads } from '../../../shared/threads/schema';
import { fits, suggestThread } from '../../../shared/threads/split';
import { threadIsStale } from '../../../shared/threads/stale';
import './threads.css';
import { useMastodonCountOptions } from '../settings/useMastodonCounts';
import type { MeasureOptions } from '../../../shared/editorial/networks/measure';

export interface ThreadFields {
  threads?: PostThreads;
  firstComments?: FirstComments;
}

/**
 * A thread per network when the text is over its limit ("Transformer en fil": a suggested split,
 * then each part editable with its own counter), and a first comment per network that takes one.
 * Changes go through the editor's saver (`onChange`), with the body, under the same version.
 */
export function ThreadsPanel({
  post,
  networks,
  text,
  versions,
  onChange,
}: {
  post: Post;
  networks: readonly Network[];
  text: string | null;
  /** The per-network versions as typed: a network with one is split from its own text. */
  versions?: Partial<Record<Network, { plainText: string }>> | undefined;
  onChange: (fields: ThreadFields) => void;
}) {
  const { t } = useTranslation();
  const [threads, setThreads] = useState<PostThreads>(post.threads ?? {});
  const [comments, setComments] = useState<FirstComments>(post.firstComments ?? {});
  // A network with its own version (as typed, else as stored) is split from it, not from the common text.
  const texts = finalTexts({ networks, plainText: text ?? post.plainText, versions: versions ?? post.versions });
  // Mastodon counts against the instance's own limit, as the editor's counters do.
  const options = useMastodonCountOptions();

  const setThread = (network: Network, parts: string[] | null) => {
    // An empty list is no thread: core keeps only networks with parts.
    const next: PostThreads = { ...threads, [network]: parts ?? [] };
    setThreads(next);
    onChange({ threads: next });
  };
  const setComment = (network: Network, value: string) => {
    const next: FirstComments = { ...comments, [network]: value };
    setComments(next);
    onChange({ firstComments: next });
  };

  const threadNetworks = networks.filter(isThreadNetwork);
  const commentNetworks = networks.filter(isFirstCommentNetwork);
  if (threadNetworks.length === 0 && commentNetworks.length === 0) return null;

  return (
    <section className="panel threads-panel" aria-labelledby="threads-title" data-testid="threads-panel">
      <h2 id="threads-title">{t('threads.title')}</h2>
      {threadNetworks.map((network) => (
        <ThreadEditor
          key={network}
          network={network}
          text={texts[network] ?? ''}
          parts={threads[network] ?? null}
          options={options}
          onParts={(parts) => setThread(network, parts)}
        />
      ))}
      {commentNetworks.map((network) => (
        <label key={network} className="first-comment" data-testid={`first-comment-${network}`}>
          {t('threads.firstCommentOn', { network: networkLabels[network] })}
          <textarea rows={2} value={comments[network] ?? ''} onChange={(e) => setComment(network, e.target.value)} />
          <span className="hint">{t('threads.firstCommentHint')}</span>
        </label>
      ))}
    </section>
  );
}

function ThreadEditor({ network, text, parts, options, onParts }: { network: ThreadNetwork; text: string; parts: string[] | null; options: MeasureOptions; onParts: (parts: string[] | null) => void }) {
  const { t } = useTranslation();
  const over = measure(network, text, options).over;
  const label = networkLabels[network];
  if (parts === null || parts.length === 0) {
    if (!over) return null;
    // The split itself only when asked for: on a long post it took ~13 ms at every render (the
    // post's first, and each one while typing). suggestThread splits exactly what is over once trimmed.
    const trimmed = text.trim();
    const splittable = trimmed === text || !fits(network, trimmed, options);
    return (
      <div className="thread-offer" data-testid={`thread-offer-${network}`}>
        <p>{t('threads.overLimit', { network: label })}</p>
        {splittable ? (
          <button type="button" onClick={() => onParts(suggestThread(network, text, options))}>
            {t('threads.split')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="thread" data-testid={`thread-${network}`}>
      <h3>{t('threads.thread', { network: label, count: parts.length })}</h3>
      {threadIsStale(parts, text) ? (
        <p className="hint" data-testid="thread-stale">
          {t('threads.stale')}
        </p>
      ) : null}
      <ol className="thread-parts">
        {parts.map((part, index) => {
          const count = measure(network, part, options);
          return (
            <li key={index} className={count.over ? 'thread-part over' : 'thread-part'} data-testid="thread-part">
              <label>
                {t('threads.part', { index: index + 1 })}
                <textarea rows={4} value={part} onChange={(e) => onParts(parts.map((p, i) => (i === index ? e.target.value : p)))} />
              </label>
              <span className="counter" data-testid="thread-part-count" aria-live="polite">
                {t('threads.count', { used: count.used, limit: count.limit })}
              </span>
              {count.over ? <span className="error">{t('threads.over')}</span> : null}
            </li>
          );
        })}
      </ol>
      <div className="thread-actions">
        <button type="button" className="link" onClick={() => onParts(suggestThread(network, text, options))}>
          {t('threads.resplit')}
        </button>
        <button type="button" className="link" onClick={() => onParts(null)}>
          {t('threads.remove')}
        </button>
      </div>
    </div>
  );
}
