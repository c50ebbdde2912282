import type { LinkCardService } from '../linkCards/service';
import { defineHandlers } from '../router';
import type { PreviewService } from './service';

export const previewHandlers = (previews: PreviewService, linkCards: LinkCardService) =>
  defineHandlers({
    'previews.forPost': ({ postId }) => previews.forPost(postId),
    'previews.linkCard': ({ url }) => linkCards.fetch(url),
  });
