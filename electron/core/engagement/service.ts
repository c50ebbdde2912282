import { ApiError } from '../../../shared/api/errors';
import type { ManualFiguresInput, PostEngagement } from '../../../shared/engagement/figures';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { EngagementRepository } from './repository';

const MINUTE = 60_000;

const invalid = (path: string, messageKey: string, message: string): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.validation', message, issues: [{ path: [path], messageKey }] });

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
    if (Object.keys(input.figures).length === 0) throw invalid('figures', 'engagement.errors.noFigure', 'No figure given');
    const publication = this.repository.publication(input.publicationId);
    if (!publication) {
      throw new ApiError({ code: 'not_found', messageKey: 'engagement.errors.notPublished', message: `Publication ${input.publicationId} is not published` });
    }
    // Typed to the minute: a reading in the minute of publication counts as read at publication.
    if (input.readAt < publication.publishedAt - (publication.publishedAt % MINUTE) || input.readAt > this.clock.now()) {
      throw invalid('readAt', 'engagement.errors.readAtOutOfRange', 'Figures must be read between publication and now');
    }
    this.repository.record(publication.id, input.figures, Math.max(input.readAt, publication.publishedAt), 'manual', null, this.clock.now());
    this.events.emit({ type: 'engagement.changed', postId: publication.postId });
    return this.forPost(publication.postId);
  }
}
