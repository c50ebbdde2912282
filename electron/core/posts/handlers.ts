import { defineHandlers } from '../router';
import type { PostService } from './service';

export const postHandlers = (posts: PostService) =>
  defineHandlers({
    'posts.list': (filter) => posts.list(filter),
    'posts.page': (input) => posts.page(input),
    'posts.rows': (input) => posts.rows(input),
    'posts.get': ({ id }) => posts.get(id),
    'posts.create': (fields) => posts.create(fields),
    'posts.save': (fields) => posts.save(fields),
    'posts.delete': ({ id }) => {
      posts.delete(id);
      return { ok: true as const };
    },
    'posts.revisions': (page) => posts.revisions(page),
    'posts.revision': ({ id }) => posts.revision(id),
    'posts.keepRevision': ({ id }) => posts.keepRevision(id),
    'posts.restoreRevision': ({ postId, revisionId, baseVersion }) => posts.restore(postId, revisionId, baseVersion),
  });
