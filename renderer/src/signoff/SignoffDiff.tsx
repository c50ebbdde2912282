import { useTranslation } from 'react-i18next';
import { networkLabels } from '../../../shared/posts/networks';
import { useSignoffDiff } from './queries';

/** What changed since the partner last saw the post, word by word, per network. */
export function SignoffDiff({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const diff = useSignoffDiff(postId).data;
  if (!diff?.since) return null;
  return (
    <section className="signoff-section" aria-labelledby={`signoff-diff-${postId}`} data-testid="signoff-diff">
      <h3 id={`signoff-diff-${postId}`}>{t('signoff.diff.heading', { number: diff.since.revisionNumber })}</h3>
      {diff.changed ? (
        diff.networks
          .filter((network) => network.changed)
          .map((network) => (
            <div key={network.network} className="signoff-diff">
              <strong>{networkLabels[network.network]}</strong>
              <p>
                {network.parts.map((part, index) =>
                  part.op === 'insert' ? <ins key={index}>{part.text}</ins> : part.op === 'delete' ? <del key={index}>{part.text}</del> : <span key={index}>{part.text}</span>,
                )}
              </p>
            </div>
          ))
      ) : (
        <p className="hint">{t('signoff.diff.unchanged')}</p>
      )}
    </section>
  );
}
