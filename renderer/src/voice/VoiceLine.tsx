import { useTranslation } from 'react-i18next';
import { explainReason, percent } from '../../../shared/voice/explain';
import { MIN_POSTS } from '../../../shared/voice/profile';
import { useReadError } from '../api/useReadError';
import { errorMessage } from '../ui/errorMessage';
import { useVoiceEvents, useVoiceScore } from './queries';
import './voice.css';

export interface VoiceLineProps {
  partnerId: string;
  /** The editor's current plain text (debounced); null until the editor has one. */
  text: string | null;
}

/** The voice profile in the editor, beside the editorial line: « se lit comme Claire 72 % / Dana 21 % ». */
export function VoiceLine({ partnerId, text }: VoiceLineProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'fr';
  useVoiceEvents();
  const score = useVoiceScore(partnerId, text);
  const data = score.data;
  // Quiet while core is down (the status bar says it once); read again when it is back.
  const error = useReadError(score);
  return (
    <aside className="voice-line side-section" aria-labelledby="voice-line-title" data-testid="voice-line">
      <h2 id="voice-line-title">{t('voice.title')}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {t('voice.loadFailed', { reason: errorMessage(t, error) })}
        </p>
      ) : !data ? (
        <p className="muted">{t('voice.reading')}</p>
      ) : data.status === 'empty' ? (
        <p className="muted">{t('voice.empty')}</p>
      ) : data.status === 'learning' ? (
        <p data-testid="voice-learning">
          <strong>{t('voice.learning')}</strong>
          {' — '}
          {data.reason === 'fewPosts' ? t('voice.fewPosts', { count: data.posts, min: MIN_POSTS }) : t('voice.notAboveChance')}
        </p>
      ) : (
        <>
          <p data-testid="voice-reads-like">
            {t('voice.readsLike', {
              scores: data.scores
                .slice(0, 3)
                .map((s) => `${s.partnerName} ${percent(s.probability, locale)}`)
                .join(' / '),
            })}
          </p>
          {data.reasons.length > 0 && (
            <details>
              <summary>{t('voice.whyTitle')}</summary>
              <ul>
                {data.reasons.map((reason) => (
                  <li key={reason.feature}>{explainReason(reason, data.partnerName, locale)}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </aside>
  );
}
