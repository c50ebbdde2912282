import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { networkLabels } from '../../../shared/posts/networks';
import { FOLD_RULES } from '../../../shared/previews/folds';
import type { ChainPreview, LinkCardState, NetworkPreview, PreviewFold, PreviewSegment } from '../../../shared/previews/schema';
import { previewKeys } from './queries';

/** The segments up to `end` (a UTF-16 offset in the text), cut inside the one it falls in. */
function segmentsUpTo(segments: readonly PreviewSegment[], end: number | null): PreviewSegment[] {
  if (end === null) return [...segments];
  const out: PreviewSegment[] = [];
  let at = 0;
  for (const segment of segments) {
    if (at >= end) break;
    const room = end - at;
    out.push(segment.text.length <= room ? segment : { ...segment, text: segment.text.slice(0, room) });
    at += segment.text.length;
  }
  return out;
}

function Body({ segments }: { segments: readonly PreviewSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          // Shown as the network styles them; never a live link (the preview loads nothing).
          <span key={index} className={`preview-${segment.kind}`} data-kind={segment.kind} title={segment.target}>
            {segment.text}
          </span>
        ),
      )}
    </>
  );
}

function FoldedText({ preview, fold }: { preview: NetworkPreview; fold: PreviewFold }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shown = open ? null : fold.at;
  return (
    <div className={`preview-width preview-${fold.width}`} data-testid={`preview-fold-${fold.width}`} data-fold-at={fold.at ?? 'none'}>
      <h3>{t(`previews.width.${fold.width}`)}</h3>
      <p className="preview-text" data-testid={`preview-visible-${fold.width}`}>
        <Body segments={segmentsUpTo(preview.segments, shown)} />
        {shown !== null ? (
          <button type="button" className="link preview-see-more" onClick={() => setOpen(true)}>
            {preview.network === 'instagram' ? t('previews.seeMoreInstagram') : t('previews.seeMore')}
          </button>
        ) : null}
      </p>
      <p className="hint">{fold.at === null ? t('previews.noFold') : t('previews.foldAt', { chars: fold.at })}</p>
    </div>
  );
}

function LinkCardView({ state, postId }: { state: LinkCardState; postId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fetching, setFetching] = useState(false);
  if (state.status === 'none') return null;
  const fetchCard = async (url: string) => {
    setFetching(true);
    try {
      await api.call('previews.linkCard', { url });
    } finally {
      setFetching(false);
      await queryClient.invalidateQueries({ queryKey: previewKeys.post(postId) });
    }
  };
  return (
    <section className="preview-card" aria-label={t('previews.linkCard.title')} data-testid="preview-link-card" data-status={state.status}>
      {state.status === 'ready' ? (
        <>
          <p className="preview-card-site">{state.card.siteName}</p>
          <p className="preview-card-title">{state.card.title}</p>
          {state.card.description ? <p className="preview-card-description">{state.card.description}</p> : null}
          {state.card.imageUrl ? <p className="hint">{t('previews.linkCard.imageNotLoaded')}</p> : null}
        </>
      ) : state.status === 'refused' ? (
        <p role="status">{t(`previews.linkCard.refused.${state.reason}`)}</p>
      ) : (
        <p>
          {t('previews.linkCard.missing')}{' '}
          <button type="button" className="link" disabled={fetching} onClick={() => void fetchCard(state.url)}>
            {fetching ? t('previews.linkCard.fetching') : t('previews.linkCard.fetch')}
          </button>
        </p>
      )}
    </section>
  );
}

/** One network's pane: the text as it will show (fold, links, tags), its count, images and card. */
export function NetworkPreviewPane({ preview, postId }: { preview: NetworkPreview; postId: string }) {
  const { t } = useTranslation();
  const rules = FOLD_RULES[preview.network];
  return (
    <div className={`preview-pane preview-${preview.network}`} data-testid={`preview-${preview.network}`}>
      <p className="preview-meta">
        {preview.ownVersion === true ? (
          <span className="pill preview-own-version" data-testid="preview-own-version">
            {t('previews.ownVersion')}
          </span>
        ) : null}{' '}
        <span>{preview.account === null ? t('previews.noAccount') : t('previews.account', { account: preview.account })}</span>{' '}
        <span className={preview.count.over ? 'preview-count over' : 'preview-count'} data-testid="preview-count" data-used={preview.count.used} data-limit={preview.count.limit}>
          {networkLabels[preview.network]} {t('previews.count', { used: preview.count.used, limit: preview.count.limit })}
          {preview.count.over ? <span className="sr-only"> {t('previews.over')}</span> : null}
        </span>
      </p>
      {preview.folds.length > 0 ? (
        <div className="preview-widths">
          {preview.folds.map((fold) => (
            <FoldedText key={fold.width} preview={preview} fold={fold} />
          ))}
          {rules ? <p className="hint">{t('previews.foldRule', { desktop: rules.desktop.maxCharacters, mobile: rules.mobile.maxCharacters, lines: rules.desktop.maxLines })}</p> : null}
        </div>
      ) : (
        <p className="preview-text" data-testid="preview-text">
          <Body segments={preview.segments} />
        </p>
      )}
      {preview.network === 'bluesky' ? <p className="hint">{t('previews.facets')}</p> : null}
      {preview.network === 'x' && preview.linkLength !== null ? <p className="hint">{t('previews.linkLengthX', { n: preview.linkLength })}</p> : null}
      {preview.mastodon ? (
        <>
          <p className="hint">{t('previews.mastodonLimits', { max: preview.mastodon.maxCharacters, source: t(`previews.mastodonSource.${preview.mastodon.source}`) })}</p>
          {preview.linkLength !== null ? <p className="hint">{t('previews.linkLengthMastodon', { n: preview.linkLength })}</p> : null}
          <p className="hint">{preview.mastodon.contentWarning === null ? t('previews.noContentWarning') : t('previews.contentWarning', { text: preview.mastodon.contentWarning })}</p>
        </>
      ) : null}
      {preview.media.length > 0 ? (
        <ul className={`preview-media grid-${preview.grid}`} aria-label={t('previews.images')}>
          {preview.media.map((image) => (
            <li key={image.sha256}>
              <figure>
                {image.dataUrl ? <img src={image.dataUrl} alt={image.alt} /> : <div className="preview-image-missing">{t('previews.imageNotShown')}</div>}
                <figcaption>{image.alt ? t('previews.alt', { alt: image.alt }) : t('previews.noAlt')}</figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : null}
      <LinkCardView state={preview.linkCard} postId={postId} />
      <ChainView preview={preview} />
    </div>
  );
}

/** Issue 16: the thread's further parts, each a reply to the one before, then the first comment. */
function ChainView({ preview }: { preview: NetworkPreview }) {
  const { t } = useTranslation();
  const thread = preview.thread ?? [];
  const comment = preview.firstComment ?? null;
  if (thread.length === 0 && comment === null) return null;
  const item = (entry: ChainPreview, label: string, testId: string) => (
    <li className="preview-reply" data-testid={testId}>
      <p className="preview-meta">
        {label}{' '}
        <span className={entry.count.over ? 'preview-count over' : 'preview-count'}>{t('previews.count', { used: entry.count.used, limit: entry.count.limit })}</span>
      </p>
      <p className="preview-text">
        <Body segments={entry.segments} />
      </p>
    </li>
  );
  return (
    <ol className="preview-chain" aria-label={t('threads.preview.chain')}>
      {thread.map((entry, index) => (
        <Fragment key={index}>{item(entry, t('threads.preview.reply', { index: index + 2, total: thread.length + 1 }), 'preview-thread-part')}</Fragment>
      ))}
      {comment ? item(comment, t('threads.firstComment'), 'preview-first-comment') : null}
    </ol>
  );
}
