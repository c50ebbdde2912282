import type { PublishMedia } from '../../../../../shared/publishing/port';

/** A media file as a multipart part: networks want a file name, and infer little from it. */
export function mediaBlob(media: PublishMedia): { blob: Blob; filename: string } {
  const subtype = media.mimeType.split('/')[1] ?? 'bin';
  const extension = subtype === 'jpeg' ? 'jpg' : subtype.replace(/[^a-z0-9]/gu, '');
  // Copy into a fresh ArrayBuffer: the caller's view may sit on a larger or shared buffer.
  const copy = new Uint8Array(media.bytes.byteLength);
  copy.set(media.bytes);
  return { blob: new Blob([copy.buffer], { type: media.mimeType }), filename: `media.${extension}` };
}
