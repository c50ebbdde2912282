import { defineHandlers } from '../router';
import type { SimilarityService } from './service';

export const similarityHandlers = (similarity: SimilarityService) =>
  defineHandlers({
    'similarity.check': ({ postId, text }) => similarity.check(postId, text),
    'similarity.compare': ({ postId, otherPostId, text }) => similarity.compare(postId, otherPostId, text),
    'similarity.dismiss': ({ postId, otherPostId }) => {
      similarity.dismiss(postId, otherPostId);
      return { ok: true as const };
    },
    'similarity.pairs': ({ from, to, ticket }) => similarity.pairs(from, to, ticket),
    'similarity.cancelPairs': ({ ticket }) => {
      similarity.cancelPairs(ticket);
      return { ok: true as const };
    },
  });
