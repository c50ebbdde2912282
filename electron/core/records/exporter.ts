import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AUDIT_GENESIS } from '../../../shared/records/auditChain';
import type { AuditRowValues } from '../../../shared/records/auditChain';
import { CHAIN_FILE, MANIFEST, MANIFEST_HASH, PUBLISHED_FILE, RECORD_FORMAT } from '../../../shared/records/exportFormat';
import type { ApprovalEvidence, ChainEntry, Manifest, RecordScope, RevisionRecord } from '../../../shared/records/exportFormat';
import { monthRange } from '../../../shared/reports/month';
import { canonicalSignoffContent } from '../../../shared/signoff/revisionHash';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import { attachmentsOf } from '../../../shared/signoff/replyAttachments';
import type { AttachmentStore } from './attachmentStore';
import { hashFile } from './fileHash';
import type { MessageArchive } from './messageArchive';
import type { RecordRepository } from './repository';

/** What the exporter needs from sign-off: a request's frozen content. */
export interface FrozenRequests {
  request(id: string): { content: SignoffContent; revisionNumber: number; revisionHash: string; postId: string } | null;
}

export interface RecordExportDeps {
  records: RecordRepository;
  archive: MessageArchive;
  attachments: AttachmentStore;
  posts: PostRepository;
  partners: PartnerRepository;
  requests: FrozenRequests;
  clock: Clock;
}

export interface ExportedRecord {
  path: string;
  files: number;
  bytes: number;
  approvals: number;
  entries: number;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const details = (row: AuditRowValues): Record<string, unknown> => {
  const parsed: unknown = typeof row.details === 'string' ? JSON.parse(row.details) : {};
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
};
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function folderName(scope: RecordScope, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const subject = scope.kind === 'post' ? scope.postId : scope.kind === 'partner' ? scope.partnerId : scope.month;
  return `plume-signoff-record-${scope.kind}-${subject}-${stamp}`;
}

/**
 * Writes the sign-off record of a post, a partner or a month into a new folder: approved
 * revisions (the exact hashed text and its JSON), approval evidence (decision entry, reply
 * .eml, token), published URLs, the audit entries with their chain hashes, and a manifest.
 */
export class RecordExporter {
  constructor(private readonly deps: RecordExportDeps) {}

  export(scope: RecordScope, parent: string): ExportedRecord {
    const now = this.deps.clock.now();
    const postIds = this.postIds(scope);
    const rows = this.deps.records.auditRowsOfPosts(postIds);
    // A new folder every time: a record is never merged into an earlier one.
    const base = join(parent, folderName(scope, now));
    let root = base;
    for (let n = 2; existsSync(root); n++) root = `${base}-${n}`;
    const files = new Map<string, Buffer>();
    const put = (path: string, content: Buffer | string) => files.set(path, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
    // Reply attachments are copied file to file, never loaded: one may weigh 25 MB.
    const copies = new Map<string, string>();

    const evidence: ApprovalEvidence[] = [];
    const published: unknown[] = [];
    for (const row of rows) {
      const facts = details(row);
      const eml = text(facts.eml);
      if (eml !== null) {
        const raw = this.deps.archive.read(eml);
        if (raw !== null) put(`messages/${eml}.eml`, raw);
      }
      for (const attachment of attachmentsOf(facts)) {
        const stored = attachment.sha256 === null ? null : this.deps.attachments.path(attachment.sha256);
        if (stored !== null) copies.set(`attachments/${attachment.sha256}`, stored);
      }
      if (row.action === 'approve') {
        const requestId = text(facts.requestId) ?? '';
        const request = this.deps.requests.request(requestId);
        if (request !== null) {
          const hashed = canonicalSignoffContent(request.content);
          const record: RevisionRecord = {
            postId: request.postId,
            title: this.deps.posts.get(request.postId)?.title ?? '',
            revisionNumber: request.revisionNumber,
            revisionHash: request.revisionHash,
            requestId,
            content: {
              texts: { ...request.content.texts },
              media: request.content.media,
              accounts: { ...request.content.accounts },
              ...(request.content.threads ? { threads: request.content.threads } : {}),
              ...(request.content.firstComments ? { firstComments: request.content.firstComments } : {}),
            },
          };
          put(`revisions/${request.revisionHash}.txt`, hashed);
          put(`revisions/${request.revisionHash}.json`, json(record));
        }
        evidence.push({
          requestId,
          postId: String(row.post_id),
          revisionHash: text(row.revision_hash),
          auditEntryId: Number(row.id),
          at: Number(row.at),
          actor: { kind: String(row.actor_kind), name: String(row.actor_name ?? '') },
          channel: text(row.channel),
          replyEml: eml,
          messageId: text(facts.messageId),
          token: text(facts.token),
        });
      }
      if (row.action === 'published') {
        published.push({
          postId: row.post_id,
          network: text(facts.network) ?? '',
          remoteId: text(facts.remoteId) ?? '',
          url: text(facts.url),
          at: row.at,
          auditEntryId: row.id,
        });
      }
    }
    for (const item of evidence) put(`evidence/${item.auditEntryId}-${item.requestId}.json`, json(item));
    put(PUBLISHED_FILE, json(published));
    put(CHAIN_FILE, json({ genesis: AUDIT_GENESIS, entries: this.segment(rows), anchorKeys: this.deps.records.anchorKeyFacts() }));

    const head = this.deps.records.chainHead();
    const manifest: Manifest = {
      format: RECORD_FORMAT,
      version: 1,
      createdAt: now,
      scope,
      auditHead: { entries: head.entries, entryHash: head.entryHash ?? AUDIT_GENESIS },
      files: [
        ...[...files.entries()].map(([path, content]) => ({ path, sha256: sha256(content), bytes: content.length })),
        ...[...copies.entries()].map(([path, source]) => ({ path, ...hashFile(source) })),
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    };
    const manifestText = json(manifest);
    let bytes = 0;
    for (const [path, content] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
      bytes += content.length;
    }
    for (const [path, source] of copies) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      copyFileSync(source, join(root, path));
    }
    bytes += manifest.files.filter((f) => copies.has(f.path)).reduce((sum, f) => sum + f.bytes, 0);
    writeFileSync(join(root, MANIFEST), manifestText);
    writeFileSync(join(root, MANIFEST_HASH), `${sha256(manifestText)}  ${MANIFEST}\n`);
    return { path: root, files: files.size + copies.size + 2, bytes: bytes + manifestText.length, approvals: evidence.length, entries: rows.length };
  }

  private postIds(scope: RecordScope): string[] {
    switch (scope.kind) {
      case 'post':
        if (!this.deps.posts.get(scope.postId) && this.deps.records.auditRowsOfPosts([scope.postId]).length === 0) throw notFound('post', scope.postId);
        return [scope.postId];
      case 'partner':
        if (!this.deps.partners.get(scope.partnerId)) throw notFound('partner', scope.partnerId);
        return this.deps.records.postIdsOfPartner(scope.partnerId);
      case 'month':
        return this.deps.partners.list(true).flatMap((partner) => {
          const range = monthRange(scope.month, partner.timeZone);
          return this.deps.records.postIdsDecidedBetween(partner.id, range.start, range.end);
        });
    }
  }

  /**
   * The chain from the first entry of the scope to its last: entries of the scope in full,
   * the others as bare links (another partner's facts are not the reader's business, but
   * their hashes prove nothing was removed or moved in between).
   */
  private segment(rows: AuditRowValues[]): ChainEntry[] {
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) return [];
    const full = new Map(rows.map((row) => [Number(row.id), row]));
    const entries: ChainEntry[] = [];
    for (const link of this.deps.records.chainLinks(Number(first.id), Number(last.id))) {
      const row = full.get(link.id);
      if (row !== undefined) entries.push({ id: link.id, row });
      else entries.push({ id: link.id, withheld: true, prevHash: link.prev_hash ?? '', entryHash: link.entry_hash ?? '' });
    }
    return entries;
  }
}
