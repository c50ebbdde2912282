import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { signoffContentOf } from '../../../shared/signoff/finalTexts';
import { revisionHash } from '../../../shared/signoff/revisionHash';
import { threadsContentOf } from '../../../shared/threads/content';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';

/** What a post carries besides its text: its images (with alt text) and the account each network goes out as. */
export interface PostAttachments {
  media: { sha256: string; alt: string }[];
  accounts: Partial<Record<Network, string>>;
}

export type AttachmentsOf = (post: Post) => PostAttachments;

const none: AttachmentsOf = () => ({ media: [], accounts: {} });

/**
 * What a sign-off approves and the publisher re-checks: every network's final text, the images
 * and the target accounts, hashed. Publishing owns images and accounts and plugs them in when
 * the core is wired (it is created after sign-off, which it depends on).
 */
export class RevisionContent {
  private attachmentsOf: AttachmentsOf = none;

  useAttachments(attachmentsOf: AttachmentsOf): void {
    this.attachmentsOf = attachmentsOf;
  }

  content(post: Post): SignoffContent {
    return { ...signoffContentOf(post, this.attachmentsOf(post)), ...threadsContentOf(post) };
  }

  hash(post: Post): string {
    return revisionHash(this.content(post));
  }
}
