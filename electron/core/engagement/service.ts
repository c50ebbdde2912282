import { ApiError } from '../../../shared/api/errors';
import type { ManualFiguresInput, PostEngagement } from '../../../shared/engagement/figures';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { EngagementRepository } from './repository';

/** The figures of a post, and figures typed by hand. */
export class EngagementService {
  constructor(
    private readonly repository: EngagementRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  forPost(postId: string): PostEngagement {
    return { publications: this.repository.forPost(postId) };
  }

  /** Figures read off the network by the user, for a publication that went out. */
  recordManual(input: ManualFiguresInput): PostEngagement {
    const publication = this.repository.publication(input.publicationId);
    if (!publication) {
      throw new ApiError({ code: 'not_found', messageKey: 'engagement.errors.notPublished', message: `Publication ${input.publicationId} is not published` });
    }
    if (input.readAt < publication.publishedAt || input.readAt > this.clock.now()) {
      throw new ApiError({ code: 'validation', messageKey: 'engagement.errors.readAtOutOfRange', message: 'Figures must be read between publication and now' });
    }
    this.repository.record(publication.id, input.figures, input.readAt, 'manual', null, this.clock.now());
    this.events.emit({ type: 'engagement.changed', postId: publication.postId });
    return this.forPost(publication.postId);
  }
}
