import { z } from 'zod';
import { none, procedure } from '../procedure';
import { PostId } from '../../posts/schema';
import {
  AttachMediaInput,
  ManualDoneInput,
  MediaAltInput,
  MissedDecisionInput,
  PostPublication,
  PublicationQueue,
  PublicationSettings,
  SetTargetInput,
} from '../../publishing/publication';

const byPost = z.object({ postId: PostId }).strict();

/**
 * Publication (issue 7): each post's publication to its networks (accounts, images, states,
 * decisions on missed slots, links pasted back after publishing by hand) and the queue of
 * everything on its way out.
 */
export const publishingProcedures = {
  'publishing.status': procedure(byPost, PostPublication),
  /** The account a network of the post goes out as; null: by hand. Refused while approved. */
  'publishing.setTarget': procedure(SetTargetInput, PostPublication),
  'publishing.attachMedia': procedure(AttachMediaInput, PostPublication),
  'publishing.setAlt': procedure(MediaAltInput, PostPublication),
  'publishing.detachMedia': procedure(z.object({ postId: PostId, position: z.number().int().min(0) }).strict(), PostPublication),
  /** A missed slot: publish now, reschedule, or withdraw (back to draft). */
  'publishing.decideMissed': procedure(MissedDecisionInput, PostPublication),
  /** A failed post: its failed networks are sent again. */
  'publishing.retry': procedure(byPost, PostPublication),
  /** The URL of a post published by hand. */
  'publishing.manualDone': procedure(ManualDoneInput, PostPublication),
  'publishing.settings': procedure(none, PublicationSettings),
  'publishing.saveSettings': procedure(PublicationSettings.strict(), PublicationSettings),
  /** The "Envoi" page: publications under way and recent, missed slots, online or paused. */
  'publishing.queue': procedure(none, PublicationQueue),
} as const;
