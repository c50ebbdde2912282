import type { Locale } from '../../../../shared/partners/schema';
import { networkLabels } from '../../../../shared/posts/networks';
import type { NetworkPreview, PreviewSegment } from '../../../../shared/previews/schema';
import type { EmailPreviews } from '../emailPreviews';
import { escapeHtml, htmlLines } from './html';
import { previewStrings } from './previewStrings';
import type { PreviewStrings } from './previewStrings';

/** An image travelling inside the email (multipart/related), shown through `cid:`. */
export interface InlineImage {
  cid: string;
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface PreviewSection {
  text: string[];
  html: string[];
  attachments: InlineImage[];
}

const cidOf = (sha256: string): string => `${sha256.slice(0, 32)}@plume.preview`;
const extension = (mimeType: string): string => mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';

const SPAN_COLOURS: Record<PreviewSegment['kind'], string> = { text: 'inherit', link: '#1d4ed8', mention: '#1d4ed8', tag: '#1d4ed8' };

/** A fold's excerpt is at most this long: the words just before it, on its line. */
const EXCERPT_CHARS = 40;

/**
 * The words just before a fold, as the partner finds them in the text: the end of the line it
 * cuts, whole words, at most EXCERPT_CHARS, "… " before them when the text goes on before.
 */
export function foldExcerpt(text: string, at: number): string {
  const before = text.slice(0, at).trimEnd();
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const words = line.split(/\s+/u).filter((w) => w !== '');
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] ?? '';
    if (kept.length > 0 && [word, ...kept].join(' ').length > EXCERPT_CHARS) break;
    kept.unshift(word);
  }
  const excerpt = kept.join(' ');
  return excerpt.length < before.length ? `… ${excerpt}` : excerpt;
}

/** Each fold of the preview, in text order, said in a note (never a marker cut into the text). */
function foldNotes(preview: NetworkPreview, label: string, s: PreviewStrings): string[] {
  const text = preview.segments.map((segment) => segment.text).join('');
  return preview.folds
    .flatMap((f) => (f.at === null || f.at <= 0 || f.at >= text.length ? [] : [{ at: f.at, width: f.width }]))
    .sort((a, b) => a.at - b.at)
    .map((f) => s.foldNote(f.width, label, foldExcerpt(text, f.at)));
}

/** The posts that follow the first on this network, each under its marker: the thread's next parts, then the first comment. */
function chainOf(preview: NetworkPreview, label: string, s: PreviewStrings): { marker: string; text: string }[] {
  const rest = preview.thread ?? [];
  const total = rest.length + 1;
  const items = rest.map((part, i) => ({ marker: s.threadPart(i + 2, total, label), text: part.text }));
  if (preview.firstComment) items.push({ marker: s.firstComment(label), text: preview.firstComment.text });
  return items;
}

/**
 * Each network's preview for the partner: the text as the network shows it (links, mentions and
 * tags marked), the count, where the network folds it ("…see more") in a note after the text, the
 * images inline as CID parts with their alt text, and the link's card as text. The text part
 * carries the post's exact text, byte for byte: nothing is ever cut into what the partner signs.
 * No remote content: nothing in it loads from the web.
 */
export function renderPreviewSection(source: EmailPreviews, locale: Locale, heading: (network: string) => string): PreviewSection {
  const s = previewStrings[locale];
  const text: string[] = [];
  const html: string[] = [];
  const attachments = new Map<string, InlineImage>();
  for (const preview of source.previews) {
    const label = networkLabels[preview.network];
    const meta = [preview.account === null ? s.noAccount : s.account(preview.account), s.count(preview.count.used, preview.count.limit) + (preview.count.over ? ` (${s.over})` : '')];
    if (preview.linkLength !== null) meta.push(s.linkLength(preview.linkLength));
    if (preview.mastodon) meta.push(s.noContentWarning);
    const notes = foldNotes(preview, label, s);

    // A blank line after the meta line: a reply's quote is read back to the post's text (suggestedText.ts).
    text.push('', `── ${heading(label)} ──`, meta.join(' · '), '', preview.segments.map((segment) => segment.text).join(''));
    const body = preview.segments
      .map((segment) => (segment.kind === 'text' ? htmlLines(segment.text) : `<span style="color:${SPAN_COLOURS[segment.kind]}">${htmlLines(segment.text)}</span>`))
      .join('');
    // The rest of the chain (thread parts, first comment) before the notes and images: a quote's trailer starts at the first of them.
    const chain = chainOf(preview, label, s);
    text.push(...chain.map((item) => `\n${item.marker}\n${item.text}`));
    const chainHtml = chain
      .map((item) => `<br><span style="color:#71717a;font-size:12px">${escapeHtml(item.marker)}</span><br>${htmlLines(item.text)}`)
      .join('');
    // The folds, after the text and set apart from it (a line of their own, small and grey in the HTML).
    if (notes.length > 0) text.push('', ...notes);
    const notesHtml = notes
      .map((note) => `<p style="color:#71717a;font-size:12px;margin:8px 0 0;border-top:1px dashed #d4d4d8;padding-top:4px">${escapeHtml(note)}</p>`)
      .join('');
    const images = preview.media.map((image) => {
      const alt = image.alt.trim() === '' ? s.noAlt : image.alt;
      const bytes = source.images.get(image.sha256);
      if (!bytes) {
        text.push(s.imageLeftOut(alt));
        return `<p style="color:#52525b;font-size:13px">${escapeHtml(s.imageLeftOut(alt))}</p>`;
      }
      const cid = cidOf(image.sha256);
      attachments.set(cid, { cid, filename: `${image.sha256.slice(0, 12)}.${extension(bytes.mimeType)}`, content: Buffer.from(bytes.bytes), contentType: bytes.mimeType });
      text.push(`[${s.image(alt)}]`);
      // The caption first: in a quote of this HTML it closes the post's text (suggestedText.ts).
      return `<figure style="margin:8px 0"><figcaption style="color:#52525b;font-size:12px">${escapeHtml(s.image(alt))}</figcaption><img src="cid:${escapeHtml(cid)}" alt="${escapeHtml(image.alt)}" style="max-width:100%;height:auto;border-radius:4px"></figure>`;
    });
    let card = '';
    if (preview.linkCard.status === 'ready') {
      const { title, siteName, description } = preview.linkCard.card;
      text.push(`[${s.card(title, siteName)}]`);
      card = `<div style="border:1px solid #e4e4e7;border-radius:6px;padding:8px;margin-top:8px"><div style="color:#71717a;font-size:12px">${escapeHtml(s.card(title, siteName))}</div>${description ? `<div style="font-size:13px">${escapeHtml(description)}</div>` : ''}</div>`;
    }
    html.push(
      `<h3 style="font-size:15px;margin:20px 0 6px">${escapeHtml(heading(label))}</h3>`,
      `<p style="color:#52525b;font-size:13px;margin:0 0 6px">${escapeHtml(meta.join(' · '))}</p>`,
      `<div style="border:1px solid #d4d4d8;border-radius:6px;padding:12px;font-size:15px" data-network="${preview.network}">${notes.length > 0 ? `<div>${body}${chainHtml}</div>${notesHtml}` : `${body}${chainHtml}`}${images.join('')}${card}</div>`,
    );
  }
  return { text, html, attachments: [...attachments.values()] };
}
