import type { z } from 'zod';
import type { PostSaveInput, Post } from '../../../shared/posts/schema';
import { docFromParagraphs } from '../../../shared/posts/document';
import { versionDocs } from '../../../shared/posts/versions';
import { SuggestionFact } from '../../../shared/signoff/suggestion';
import type { ApplySuggestionInput } from '../../../shared/signoff/suggestion';
import { ApiError } from '../../../shared/api/errors';
import type { SignoffDeps } from './deps';
import { defineHandlers } from '../router';
import type { SignoffFeature } from './feature';
import type { SignoffService } from './service';

type ApplyFields = z.output<typeof ApplySuggestionInput>;
/** The posts feature's save: the one path a text change takes (revision, approval voided, audit). */
export type SavePost = (fields: z.output<typeof PostSaveInput>) => Post;

/**
 * The partner's corrections made the post's new revision in one step: saved through the
 * normal post save (revision history, approval rules, audit), then sign-off requested again
 * with an email saying their corrections are applied. All or nothing: a request refused (an
 * editorial error without a justification) leaves the text as it was.
 */
export class SuggestionService {
  constructor(
    private readonly deps: SignoffDeps,
    private readonly signoff: SignoffService,
    private readonly save: SavePost,
  ) {}

  apply(fields: ApplyFields): void {
    this.deps.db.transaction(() => {
      const entry = this.deps.audit.ofPost(fields.postId).find((e) => e.id === fields.entryId && e.action === 'changesSuggested');
      const fact = entry === undefined ? null : SuggestionFact.safeParse(entry.details);
      if (!fact?.success) {
        throw new ApiError({ code: 'not_found', messageKey: 'signoff.errors.suggestionNotFound', message: `suggestion ${fields.entryId} not found` });
      }
      const corrected = docFromParagraphs(fact.data.text.split('\n'));
      const post = this.deps.posts.get(fields.postId);
      // A network with its own version takes the correction there; the common text stays as it was.
      const ownVersion = post?.versions[fact.data.network] !== undefined;
      this.save(
        ownVersion
          ? { id: fields.postId, baseVersion: fields.baseVersion, versions: { ...versionDocs(post.versions), [fact.data.network]: corrected } }
          : { id: fields.postId, baseVersion: fields.baseVersion, content: corrected },
      );
      this.signoff.request(
        { postId: fields.postId, findings: { error: 0, warning: 0, info: 0, byKind: {} }, override: fields.override },
        { correctionsFrom: fields.entryId },
      );
    })();
  }
}

/** Wired in the composition root, where the posts feature's save exists. */
export const suggestionHandlers = (signoff: SignoffFeature, save: SavePost) => {
  const suggestions = new SuggestionService(signoff.deps, signoff.service, save);
  return defineHandlers({
    'signoff.applySuggestion': (fields) => {
      suggestions.apply(fields);
      return signoff.views.status(fields.postId);
    },
  });
};
