import type { Post } from '../../../shared/posts/schema';
import type { NetworkPreview } from '../../../shared/previews/schema';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';

/** Each network's preview of what a request approves, and the bytes of its images for inline (CID) parts. */
export interface EmailPreviews {
  previews: NetworkPreview[];
  /** By SHA-256; an image missing here is named by its alt text only. */
  images: Map<string, { bytes: Uint8Array; mimeType: string }>;
}

export type EmailPreviewSource = (post: Post, content: SignoffContent) => EmailPreviews;

/**
 * The previews feature plugs in here when the core is wired (it is created after sign-off);
 * until then, and if building fails, the email shows each network's text alone.
 */
export class EmailPreviewHook {
  private source: EmailPreviewSource | null = null;

  use(source: EmailPreviewSource): void {
    this.source = source;
  }

  of(post: Post, content: SignoffContent): EmailPreviews | null {
    return this.source === null ? null : this.source(post, content);
  }
}
