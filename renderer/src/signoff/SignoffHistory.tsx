import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../ui/useDateFormat';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { attachmentsOf } from '../../../shared/signoff/replyAttachments';
import { bounceFact } from './bounce';
import { historyLine } from './historyLine';
import { ReplyAttachments } from './ReplyAttachments';
import { useSignoffHistory } from './queries';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The override's justification: a request entry's `override`, an overrideRecorded entry's own. */
function justificationOf(entry: AuditEntry): string | null {
  if (entry.action === 'overrideRecorded') return text(entry.details.justification);
  if (entry.action !== 'requestSignoff') return null;
  const override = entry.details.override;
  return typeof override === 'object' && override !== null && 'justification' in override ? text(override.justification) : null;
}

/** The append-only audit trail of a post, newest first: what, when, who, how, which version. */
export function SignoffHistory({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const history = useSignoffHistory(postId);
  const entries = [...(history.data ?? [])].reverse();

  return (
    <section className="signoff-section" aria-labelledby={`signoff-history-${postId}`}>
      <h3 id={`signoff-history-${postId}`}>{t('signoff.history.heading')}</h3>
      {entries.length === 0 ? <p className="hint">{t('signoff.history.empty')}</p> : null}
      <ol className="signoff-history" data-testid="signoff-history">
        {entries.map((entry) => {
          const comment = text(entry.details.comment);
          const bounced = bounceFact(entry) !== null;
          // A bounce's label says it all; the server's own words follow, as a quote.
          const reason = bounced ? null : text(entry.details.reason);
          const serverWords = bounced ? text(entry.details.diagnostic) : null;
          const afterApproval = entry.action === 'replyReceived' && entry.details.afterApproval === true;
          const justification = justificationOf(entry);
          const line = historyLine(t, entry, dateTime);
          const attachments = attachmentsOf(entry.details);
          return (
            <li key={entry.id} data-action={entry.action} data-channel={entry.channel ?? ''}>
              <time className="muted small">{dateTime(entry.at)}</time>
              <span>
                <strong>{line.action}</strong>
                {line.rest}
                {entry.revisionNumber !== null ? ` · ${t('signoff.history.revision', { number: entry.revisionNumber })}` : ''}
              </span>
              {reason ? <span className="small error-text">{t(`signoff.history.reasons.${reason}`, { defaultValue: reason })}</span> : null}
              {entry.action === 'replyReceived' && entry.details.stale === true ? <span className="small warn-text">{t('signoff.history.stale')}</span> : null}
              {afterApproval ? <span className="small error-text">{t('signoff.history.afterApproval')}</span> : null}
              {serverWords ? (
                <span className="small" data-testid="server-words">
                  {t('signoff.history.serverSaid', { words: serverWords })}
                </span>
              ) : null}
              {entry.action === 'replyReceived' && entry.details.applied === false && entry.details.stale !== true && !bounced ? (
                <span className="small warn-text">{t('signoff.history.notApplied')}</span>
              ) : null}
              {justification ? <span className="small">{t('signoff.history.override', { justification })}</span> : null}
              {comment ? <blockquote className="small">{comment}</blockquote> : null}
              {attachments.length > 0 ? <ReplyAttachments postId={postId} attachments={attachments} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
