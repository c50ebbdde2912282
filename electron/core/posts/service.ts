import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { emptyDoc, plainTextOf } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import type { Post, PostSummary, RevisionDetail, RevisionPage, RevisionPageInput } from '../../../shared/posts/schema';
import type { PostCreateInput, PostSaveInput } from '../../../shared/posts/schema';
import type { z } from 'zod';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { PartnerRepository } from '../partners/repository';
import type { PostContentHook } from '../signoff/contentHook';
import type { ListFilter, PostRecord, PostRepository } from './repository';

type CreateFields = z.output<typeof PostCreateInput>;
type SaveFields = z.output<typeof PostSaveInput>;

const conflict = (current: Post): ApiError =>
  new ApiError({
    code: 'conflict',
    messageKey: 'errors.conflict',
    message: `Post ${current.id} was saved elsewhere (now version ${current.version})`,
    details: { currentVersion: current.version, updatedAt: current.updatedAt },
  });

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
    this.events.emit({ type: 'post.saved', postId: id, version: 1 });
    return this.get(id);
  }

  /**
   * Saves what changed. Refuses with `conflict` when the stored version is not the one the
   * editor started from; a change of body or title makes a new revision; a save that changes
   * nothing is a no-op (no version bump, so idle autosaves never cause conflicts).
   */
  save(fields: SaveFields, restoredFrom: number | null = null): Post {
    const saved = this.db.transaction((): Post | null => {
      const current = this.get(fields.id);
      if (current.version !== fields.baseVersion) throw conflict(current);
      if (fields.partnerId !== undefined) this.requirePartner(fields.partnerId);

      const content: DocNode = fields.content ?? current.content;
      const contentJson = canonicalJson(content);
      const title = fields.title ?? current.title;
      const bodyChanged = contentJson !== this.posts.contentJson(current.id);
      const revisionDue = bodyChanged || title !== current.title || restoredFrom !== null;
      const next: PostRecord = {
        id: current.id,
        partnerId: fields.partnerId ?? current.partnerId,
        title,
        note: fields.note ?? current.note,
        networks: fields.networks ?? current.networks,
        contentJson,
        plainText: bodyChanged ? plainTextOf(content) : current.plainText,
        status: current.status,
        version: current.version + 1,
        scheduledAt: current.scheduledAt,
        scheduledZone: current.scheduledZone,
      };
      const unchanged =
        !revisionDue &&
        next.partnerId === current.partnerId &&
        next.note === current.note &&
        canonicalJson(next.networks) === canonicalJson(current.networks);
      if (unchanged) return null;

      const now = this.clock.now();
      if (!this.posts.updateIfVersion(next, fields.baseVersion, now)) throw conflict(this.get(fields.id));
      if (revisionDue) this.posts.insertRevision(current.id, title, contentJson, next.plainText, restoredFrom, now);
      this.contentHook?.saved(current, this.get(current.id), now);
      return this.get(current.id);
    })();
    if (!saved) return this.get(fields.id);
    this.events.emit({ type: 'post.saved', postId: saved.id, version: saved.version });
    return saved;
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
    return this.save({ id: postId, baseVersion, title: revision.title, content: revision.content }, revision.number);
  }

  private requirePartner(partnerId: string): void {
    if (!this.partners.get(partnerId)) throw notFound('partner', partnerId);
  }
}
