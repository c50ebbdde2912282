import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { NetworkPreviewPane } from './NetworkPreviewPane';
import { usePreviewEvents, usePreviews } from './queries';
import './previews.css';

/**
 * The post editor's previews: one tab per target network (WAI-ARIA tabs: arrow keys move
 * between them), each built by core from the text sign-off hashes and the connector sends.
 */
export function PreviewsPanel({ postId }: { postId: string }) {
  const { t } = useTranslation();
  usePreviewEvents(postId);
  const query = usePreviews(postId);
  const [chosen, setChosen] = useState<Network | null>(null);
  const data = query.data;
  const previews = data?.previews ?? [];
  const current = previews.find((p) => p.network === chosen) ?? previews[0];

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!current || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    const index = previews.indexOf(current);
    const next = previews[(index + (event.key === 'ArrowRight' ? 1 : previews.length - 1)) % previews.length];
    if (next) {
      setChosen(next.network);
      document.getElementById(`preview-tab-${next.network}`)?.focus();
    }
  };

  return (
    <section className="panel previews-panel side-section" aria-labelledby="previews-title" data-testid="previews-panel">
      <h2 id="previews-title">{t('previews.title')}</h2>
      {query.isError ? <p role="alert">{t('previews.failed')}</p> : null}
      {!data && !query.isError ? <p>{t('previews.loading')}</p> : null}
      {data && previews.length === 0 ? <p>{t('previews.none')}</p> : null}
      {data && current ? (
        <>
          <p className="hint">{t('previews.intro')}</p>
          <div role="tablist" aria-label={t('previews.networks')} className="preview-tabs" onKeyDown={onKey}>
            {previews.map((p) => (
              <button
                key={p.network}
                id={`preview-tab-${p.network}`}
                type="button"
                role="tab"
                aria-selected={p.network === current.network}
                aria-controls={`preview-panel-${p.network}`}
                tabIndex={p.network === current.network ? 0 : -1}
                onClick={() => setChosen(p.network)}
              >
                {networkLabels[p.network]}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`preview-panel-${current.network}`} aria-labelledby={`preview-tab-${current.network}`}>
            <NetworkPreviewPane preview={current} postId={postId} />
          </div>
          <p className="hint preview-hash" data-testid="preview-hash" data-hash={data.revisionHash}>
            {t('previews.hash', { hash: data.revisionHash.slice(0, 12) })}
          </p>
        </>
      ) : null}
    </section>
  );
}
