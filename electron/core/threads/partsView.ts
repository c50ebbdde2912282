import type { PartsOut } from '../../../shared/publishing/publication';
import { FIRST_COMMENT_INDEX } from './partsRepository';
import type { PublicationPartRepository } from './partsRepository';

/** A publication's thread parts and first comment, as the publication panel and the Envoi page show them. */
export class PartsView {
  constructor(private readonly parts: PublicationPartRepository) {}

  of(publicationId: number): PartsOut {
    const parts = this.parts.ofPublication(publicationId);
    const comment = parts.find((part) => part.index === FIRST_COMMENT_INDEX);
    return {
      partsOut: parts.filter((part) => part.index >= 0 && part.state === 'published').length,
      firstComment: comment === undefined ? null : { state: comment.state, url: comment.url, error: comment.error },
    };
  }
}
