import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { emptyDoc, plainTextOf } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import type { Post, PostPage, PostPageInput, PostRows, PostRowsInput, PostSummary, RevisionDetail, RevisionPage, RevisionPageInput } from '../../../shared/posts/schema';
import { ftsQuery } from '../../../shared/calendar/search';
import type { PostCreateInput, PostSaveInput } from '../../../shared/posts/schema';
import type { z } from 'zod';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { PartnerRepository } from '../partners/repository';
import type { PostContentHook } from '../signoff/contentHook';
import type { ListFilter, PostRecord, PostRepository } from './repository';
import { revisionsForAutosave, revisionsForRestore } from '../../../shared/posts/revisionPolicy';
import type { RevisionDecision, StoredState } from '../../../shared/posts/revisionPolicy';
import { keepStoredRevision } from './keepRevision';
import { versionDocs, versionsFrom, versionsJson } from '../../../shared/posts/versions';
import { NO_VERSIONS } from './repository';
import type { ThreadsOfPost } from '../threads/repository';

type CreateFields = z.output<typeof PostCreateInput>;
type SaveFields = z.output<typeof PostSaveInput>;

const conflict = (current: Post): ApiError =>
  new ApiError({
    code: 'conflict',
    messageKey: 'errors.conflict',
    message: `Post ${current.id} was saved elsewhere (now version ${current.version})`,
    details: { currentVersion: current.version, updatedAt: current.updatedAt },
  });

/** The threads and first comments a save writes, or undefined when it leaves them as they are. */
function threadsToWrite(fields: SaveFields, current: Post): ThreadsOfPost | undefined {
  if (fields.threads === undefined && fields.firstComments === undefined) return undefined;
  return { threads: fields.threads ?? current.threads ?? {}, firstComments: fields.firstComments ?? current.firstComments ?? {} };
}

export class PostService {
  constructor(
    private readonly db: Database,
    private readonly posts: PostRepository,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** Sign-off: audits creation and edits, and voids an approval when approved content changes. */
    private readonly contentHook: PostContentHook | null = null,
  ) {}

  get(id: string): Post {
    const post = this.posts.get(id);
    if (!post) throw notFound('post', id);
    return post;
  }

  list(filter: ListFilter): PostSummary[] {
    return this.posts.list(filter);
  }

  /** A page of the post list and the number of matching posts; typed words that hold no letter or digit match every post. */
  page(input: PostPageInput): PostPage {
    const match = input.query ? ftsQuery(input.query) : null;
    const { items, total } = this.posts.page({ partnerId: input.partnerId, status: input.status, match, after: input.after, limit: input.limit + 1 });
    const shown = items.slice(0, input.limit);
    const last = shown.at(-1);
    return { items: shown, total, next: items.length > input.limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
  }

  /** The posts among `ids` that the list's filter holds, and how many it holds in all (`page`'s filter and count). */
  rows(input: PostRowsInput): PostRows {
    const match = input.query ? ftsQuery(input.query) : null;
    return this.posts.listed({ partnerId: input.partnerId, status: input.status, match }, [...new Set(input.ids)]);
  }

  create(fields: CreateFields): Post {
    const partner = this.partners.get(fields.partnerId);
    if (!partner) throw notFound('partner', fields.partnerId);
    const id = randomUUID();
    const content = fields.content ?? emptyDoc();
    const contentJson = canonicalJson(content);
    const plainText = plainTextOf(content);
    const now = this.clock.now();
    const record: PostRecord = {
      id,
      partnerId: fields.partnerId,
      title: fields.title,
      note: fields.note,
      networks: fields.networks ?? partner.defaultNetworks,
      contentJson,
      plainText,
      versionsJson: NO_VERSIONS,
      status: 'draft',
      version: 1,
      scheduledAt: fields.scheduledAt,
      scheduledZone: fields.scheduledAt === null ? null : partner.timeZone,
    };
    this.db.transaction(() => {
      this.posts.insert(record, now);
      this.posts.insertRevision(id, fields.title, contentJson, plainText, null, now);
      this.contentHook?.created(this.get(id), now);
    })();
    const created = this.get(id);
    this.events.emit({ type: 'post.saved', postId: id, version: 1, revisionCount: created.revisionCount });
    return created;
  }

  /**
   * Saves what changed. Refuses with `conflict` when the stored version is not the one the
   * editor started from; a save that changes nothing is a no-op (no version bump, so idle
   * autosaves never cause conflicts). The row always takes the new text (autosave's
   * durability); revisions are kept at meaningful points only (shared/posts/revisionPolicy.ts):
   * an autosave after a pause keeps the text that stood through it.
   */
  save(fields: SaveFields): Post {
    return this.write(fields, null);
  }

  /** The editor's pause, leaving the post, or Ctrl+S: the stored text becomes a revision unless already one. */
  keepRevision(postId: string): Post {
    this.db.transaction(() => {
      this.get(postId);
      keepStoredRevision(this.posts, this.events, postId, this.clock.now());
    })();
    return this.get(postId);
  }

  private write(fields: SaveFields, restoredFrom: number | null): Post {
    const saved = this.db.transaction((): Post | null => {
      const current = this.get(fields.id);
      if (current.version !== fields.baseVersion) throw conflict(current);
      if (fields.partnerId !== undefined) this.requirePartner(fields.partnerId);

      const content: DocNode = fields.content ?? current.content;
      const contentJson = canonicalJson(content);
      const title = fields.title ?? current.title;
      const storedJson = this.posts.contentJson(current.id) ?? '';
      const networks = fields.networks ?? current.networks;
      // Versions follow the networks: removing one drops its version.
      const versions = versionsFrom(fields.versions ?? versionDocs(current.versions), networks);
      const nextVersionsJson = versionsJson(versions);
      const storedVersionsJson = this.posts.versionsJson(current.id) ?? NO_VERSIONS;
      const bodyChanged = contentJson !== storedJson;
      const threads = threadsToWrite(fields, current);
      const threadsChanged = threads !== undefined && !this.posts.threads.same(threads, this.posts.threads.get(current.id));
      const textChanged = bodyChanged || nextVersionsJson !== storedVersionsJson || title !== current.title || threadsChanged;
      const next: PostRecord = {
        id: current.id,
        partnerId: fields.partnerId ?? current.partnerId,
        title,
        note: fields.note ?? current.note,
        networks,
        contentJson,
        plainText: bodyChanged ? plainTextOf(content) : current.plainText,
        versionsJson: nextVersionsJson,
        status: current.status,
        version: current.version + 1,
        scheduledAt: current.scheduledAt,
        scheduledZone: current.scheduledZone,
        threadsAndComments: threads,
      };
      const unchanged =
        !textChanged &&
        restoredFrom === null &&
        next.partnerId === current.partnerId &&
        next.note === current.note &&
        canonicalJson(next.networks) === canonicalJson(current.networks);
      if (unchanged) return null;

      const now = this.clock.now();
      const decision: RevisionDecision =
        restoredFrom !== null
          ? revisionsForRestore(this.storedState(current, storedJson, storedVersionsJson))
          : textChanged
            ? revisionsForAutosave(this.storedState(current, storedJson, storedVersionsJson), now)
            : { keepStored: false, keepWritten: false };
      // A pause is dated by the save that ended it; a text about to be replaced by a restore, now.
      if (decision.keepStored) {
        this.posts.insertRevision(current.id, current.title, storedJson, current.plainText, null, restoredFrom !== null ? now : current.updatedAt, storedVersionsJson);
      }
      if (!this.posts.updateIfVersion(next, fields.baseVersion, now)) throw conflict(this.get(fields.id));
      if (decision.keepWritten) this.posts.insertRevision(current.id, title, contentJson, next.plainText, restoredFrom, now, nextVersionsJson);
      this.contentHook?.saved(current, this.get(current.id), now);
      return this.get(current.id);
    })();
    if (!saved) return this.get(fields.id);
    this.events.emit({ type: 'post.saved', postId: saved.id, version: saved.version, revisionCount: saved.revisionCount });
    return saved;
  }

  private storedState(current: Post, storedJson: string, storedVersionsJson: string): StoredState {
    return {
      storedIsNewestRevision: this.posts.newestRevisionHolds(current.id, current.title, storedJson, storedVersionsJson),
      lastSavedAt: current.updatedAt,
    };
  }

  delete(id: string): void {
    if (!this.posts.delete(id)) throw notFound('post', id);
    this.events.emit({ type: 'post.deleted', postId: id });
  }

  revisions({ postId, before, limit }: RevisionPageInput): RevisionPage {
    this.get(postId);
    return this.posts.revisionPage(postId, before, limit);
  }

  revision(id: number): RevisionDetail {
    const revision = this.posts.revision(id);
    if (!revision) throw notFound('revision', id);
    return revision;
  }

  /** Restoring is a save of an older body: it becomes the newest revision, history intact. */
  restore(postId: string, revisionId: number, baseVersion: number): Post {
    const revision = this.revision(revisionId);
    if (revision.postId !== postId) throw notFound('revision', revisionId);
    return this.write(
      {
        id: postId,
        baseVersion,
        title: revision.title,
        content: revision.content,
        versions: versionDocs(revision.versions),
        threads: revision.threads ?? {},
        firstComments: revision.firstComments ?? {},
      },
      revision.number,
    );
  }

  private requirePartner(partnerId: string): void {
    if (!this.partners.get(partnerId)) throw notFound('partner', partnerId);
  }
}
