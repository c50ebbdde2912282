import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyAttachment } from '../../../shared/signoff/replyAttachments';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useFileSize } from '../ui/fileSize';
import { saveFile } from '../ui/saveFile';

/** The files a partner's reply carried: kept ones to download, the others said not kept and why. */
export function ReplyAttachments({ postId, attachments }: { postId: string; attachments: readonly ReplyAttachment[] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const size = useFileSize();

  const download = async (sha256: string) => {
    setBusy(sha256);
    setError(null);
    try {
      saveFile(await api.call('signoff.attachment', { postId, sha256 }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="reply-attachments">
      <span className="small muted">{t('signoff.history.attachments.heading', { count: attachments.length })}</span>
      <ul data-testid="reply-attachments">
        {attachments.map((attachment, index) => {
          const name = attachment.name === '' ? t('signoff.history.attachments.unnamed') : attachment.name;
          return (
            <li key={`${index}-${attachment.sha256 ?? attachment.name}`} data-status={attachment.status} className="small">
              <span className="attachment-name">{name}</span>
              <span className="muted">
                {' '}
                · {attachment.type} · {size(attachment.bytes)}
              </span>{' '}
              {attachment.status === 'kept' && attachment.sha256 !== null ? (
                <button type="button" className="link" disabled={busy !== null} onClick={() => void download(attachment.sha256 ?? '')}>
                  {t('signoff.history.attachments.download')}
                </button>
              ) : (
                <span className="warn-text">{t(`signoff.history.attachments.${attachment.status === 'tooLarge' ? 'tooLarge' : 'failed'}`)}</span>
              )}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p role="alert" className="small error-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}
