import type { LinkCardService } from '../linkCards/service';
import { defineHandlers } from '../router';
import { loadFacetDetection } from '../publishing/connectors/bluesky/record';
import type { PreviewService } from './service';

export const previewHandlers = (previews: PreviewService, linkCards: LinkCardService) =>
  defineHandlers({
    'previews.forPost': async ({ postId }) => {
      await loadFacetDetection();
      return previews.forPost(postId);
    },
    'previews.linkCard': ({ url }) => linkCards.fetch(url),
  });
