import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from '../ui/fileSize';
import { api } from '../api';
import { networkLabels } from '../../../shared/posts/networks';
import { MAX_UPLOAD_BYTES } from '../../../shared/publishing/publication';
import type { AttachMediaInput, PostPublication } from '../../../shared/publishing/publication';
import { fileTooLargeError } from '../ui/fileTooLarge';
import { FilePicker } from '../ui/FilePicker';

type Run = (action: () => Promise<PostPublication>) => Promise<void>;
type ImageType = AttachMediaInput['mimeType'];

const imageTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const isImageType = (type: string): type is ImageType => imageTypes.includes(type);

/** Bytes to base64 in slices (a spread of a whole image would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}


/** The post's images: add (stored by their SHA-256 in the data folder), alt text, remove; and what each network would refuse. */
export function MediaEditor({ data, run }: { data: PostPublication; run: Run }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const [alts, setAlts] = useState<Record<number, string>>({});
  const add = async (file: File) => {
    const tooLarge = fileTooLargeError(file, MAX_UPLOAD_BYTES);
    if (tooLarge) {
      await run(() => Promise.reject(tooLarge));
      return;
    }
    const mimeType = file.type;
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An unknown type goes to core as JPEG and is refused there with the format message.
    await run(() => api.call('publishing.attachMedia', { postId: data.postId, data: toBase64(bytes), mimeType: isImageType(mimeType) ? mimeType : 'image/jpeg' }));
  };
  return (
    <fieldset className="publication-media" disabled={data.locked}>
      <legend>{t('publishing.media.title')}</legend>
      <ul>
        {data.media.map((item) => (
          <li key={`${String(item.position)}-${item.sha256}`}>
            <span className="muted">
              {item.mimeType.replace('image/', '').toUpperCase()} · {size(item.size)}
            </span>
            <label>
              {t('publishing.media.alt')}
              <input
                value={alts[item.position] ?? item.alt}
                placeholder={t('publishing.media.altPlaceholder')}
                maxLength={2000}
                onChange={(e) => setAlts({ ...alts, [item.position]: e.target.value })}
                onBlur={(e) => {
                  if (e.target.value !== item.alt) void run(() => api.call('publishing.setAlt', { postId: data.postId, position: item.position, alt: e.target.value }));
                }}
              />
            </label>
            <button type="button" className="link danger" onClick={() => void run(() => api.call('publishing.detachMedia', { postId: data.postId, position: item.position }))}>
              {t('publishing.media.remove')}
            </button>
          </li>
        ))}
      </ul>
      {data.mediaProblems.length > 0 ? (
        <ul className="media-problems" role="status">
          {data.mediaProblems.map((problem) => (
            <li key={`${problem.network}-${problem.problem}-${String(problem.position)}`}>
              {t(`publishing.media.problem.${problem.problem}`, {
                network: networkLabels[problem.network],
                position: (problem.position ?? 0) + 1,
                limit: problem.problem === 'tooLarge' ? size(problem.limit) : problem.limit,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <FilePicker label={t('publishing.media.add')} accept={imageTypes.join(',')} onFile={(file) => void add(file)} />
    </fieldset>
  );
}
