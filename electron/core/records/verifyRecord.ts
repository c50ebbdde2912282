import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { auditEntryHash, ChainWalker } from '../../../shared/records/auditChain';
import type { ChainProblemKind } from '../../../shared/records/auditChain';
import {
  ApprovalEvidence,
  CHAIN_FILE,
  ChainSegment,
  MANIFEST,
  MANIFEST_HASH,
  Manifest,
  RevisionRecord,
} from '../../../shared/records/exportFormat';
import { anchorKeyReplacedDetails, isAnchorKeyReplaced } from '../../../shared/records/anchorKey';
import { attachmentsOf } from '../../../shared/signoff/replyAttachments';
import { canonicalSignoffContent, revisionHash } from '../../../shared/signoff/revisionHash';
import { hashFile } from './fileHash';

export type RecordProblemCode =
  | 'manifestMissing'
  | 'manifestChanged'
  | 'manifestInvalid'
  | 'fileMissing'
  | 'fileChanged'
  | 'fileAdded'
  | 'revisionTextChanged'
  | 'revisionContentChanged'
  | 'evidenceUnbacked'
  | 'attachmentMissing'
  | 'attachmentChanged'
  | `audit.${ChainProblemKind}`;

/** Not a problem: anchorKeyReplaced, the keychain lost the key that sealed the live log's anchor and Plume replaced it. */
export type RecordNoticeCode = 'audit.anchorKeyReplaced';

export interface RecordNotice {
  code: RecordNoticeCode;
  subject: string;
  message: string;
}

export interface RecordProblem {
  code: RecordProblemCode;
  /** The file or entry concerned. */
  subject: string;
  message: string;
}

export interface RecordVerification {
  ok: boolean;
  files: number;
  revisions: number;
  approvals: number;
  auditEntries: number;
  /** Reply attachments the record's audit entries say were kept, each checked. */
  attachments: number;
  problems: RecordProblem[];
  /** What the reader should know without it being a change (`ok` stays true). */
  notices: RecordNotice[];
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

function listFiles(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

function parseJson<T extends z.ZodType>(schema: T, content: Buffer): z.infer<T> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(content.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const chainWords: Record<ChainProblemKind, string> = {
  edited: 'was edited after it was chained',
  deleted: 'does not follow the entry before it: entries were deleted or rewritten before it',
  reordered: 'is out of order',
  unchained: 'carries no chain hash',
  tailCut: 'was the newest entry when the log was last anchored and is gone: entries were cut off the end',
  anchorForged: 'is named by an anchor whose seal does not verify',
  anchorMissing: 'has no anchor although the log has entries',
  anchorOtherKey: 'is named by an anchor sealed by a key the keychain does not have',
};

/**
 * Checks an exported sign-off record on its own, without Plume or its database: the
 * manifest's hash, every file's hash, no file missing or added, each approved revision's
 * text against its hash (recomputed with the same shared code as core), each approval's
 * evidence against the audit entries, and the audit chain segment link by link.
 */
export function verifyRecord(root: string): RecordVerification {
  const problems: RecordProblem[] = [];
  const notices: RecordNotice[] = [];
  const problem = (code: RecordProblemCode, subject: string, message: string) => problems.push({ code, subject, message });
  const result = (extra: Partial<RecordVerification> = {}): RecordVerification => ({
    ok: problems.length === 0,
    files: 0,
    revisions: 0,
    approvals: 0,
    auditEntries: 0,
    attachments: 0,
    problems,
    notices,
    ...extra,
  });

  const manifestPath = join(root, MANIFEST);
  if (!existsSync(manifestPath) || !existsSync(join(root, MANIFEST_HASH))) {
    problem('manifestMissing', MANIFEST, `${MANIFEST} or ${MANIFEST_HASH} is missing`);
    return result();
  }
  const manifestBytes = readFileSync(manifestPath);
  const expected = readFileSync(join(root, MANIFEST_HASH), 'utf8').trim().split(/\s+/)[0] ?? '';
  if (sha256(manifestBytes) !== expected) problem('manifestChanged', MANIFEST, `${MANIFEST} was changed: its SHA-256 is not the one in ${MANIFEST_HASH}`);
  const manifest = parseJson(Manifest, manifestBytes);
  if (manifest === null) {
    problem('manifestInvalid', MANIFEST, `${MANIFEST} is not a Plume sign-off record manifest`);
    return result();
  }

  // Files: each listed one present and unchanged, nothing else beside them.
  const contents = new Map<string, Buffer>();
  // Reply attachments (up to 25 MB each) are hashed a megabyte at a time, never loaded.
  const attachmentHashes = new Map<string, string>();
  for (const file of manifest.files) {
    const path = join(root, file.path);
    if (!existsSync(path)) {
      problem('fileMissing', file.path, `${file.path} is listed in the manifest but missing`);
      continue;
    }
    let digest: string;
    if (file.path.startsWith('attachments/')) {
      digest = hashFile(path).sha256;
      attachmentHashes.set(file.path, digest);
    } else {
      const content = readFileSync(path);
      contents.set(file.path, content);
      digest = sha256(content);
    }
    if (digest !== file.sha256) problem('fileChanged', file.path, `${file.path} was changed: its SHA-256 differs from the manifest`);
  }
  const listed = new Set([MANIFEST, MANIFEST_HASH, ...manifest.files.map((f) => f.path)]);
  for (const path of listFiles(root)) if (!listed.has(path)) problem('fileAdded', path, `${path} is not part of the record (added after export)`);

  // Revisions: the text is exactly what was hashed, and its JSON gives the same hash.
  let revisions = 0;
  for (const [path, content] of contents) {
    const match = /^revisions\/([0-9a-f]{64})\.txt$/.exec(path);
    if (!match) continue;
    revisions++;
    const hash = match[1] ?? '';
    if (sha256(content) !== hash) problem('revisionTextChanged', path, `${path}: the text does not hash to the approved revision hash ${hash}`);
    const twin = contents.get(`revisions/${hash}.json`);
    const record = twin === undefined ? null : parseJson(RevisionRecord, twin);
    if (record === null || revisionHash(record.content) !== hash || canonicalSignoffContent(record.content) !== content.toString('utf8')) {
      problem('revisionContentChanged', `revisions/${hash}.json`, `revisions/${hash}.json does not describe the revision whose hash is ${hash}`);
    }
  }

  // The chain segment: every full entry rehashed, every link followed.
  const segment = contents.has(CHAIN_FILE) ? parseJson(ChainSegment, contents.get(CHAIN_FILE) ?? Buffer.alloc(0)) : null;
  const full = new Map<number, Record<string, string | number | null>>();
  let auditEntries = 0;
  if (segment === null) {
    problem('manifestInvalid', CHAIN_FILE, `${CHAIN_FILE} is missing or unreadable`);
  } else if (segment.entries.length > 0) {
    const hashes = new Set(segment.entries.map((e) => ('row' in e ? String(e.row.entry_hash) : e.entryHash)));
    const first = segment.entries[0];
    const start = first === undefined ? segment.genesis : 'row' in first ? String(first.row.prev_hash) : first.prevHash;
    const walker = new ChainWalker(start, (hash) => hashes.has(hash), 1_000);
    for (const entry of segment.entries) {
      if ('row' in entry) {
        auditEntries++;
        full.set(entry.id, entry.row);
        const prev = typeof entry.row.prev_hash === 'string' ? entry.row.prev_hash : null;
        const stored = typeof entry.row.entry_hash === 'string' ? entry.row.entry_hash : null;
        walker.step({ id: entry.id, prevHash: prev, entryHash: stored, ...(prev === null ? {} : { recomputed: auditEntryHash(entry.row, prev) }) });
      } else {
        walker.step({ id: entry.id, prevHash: entry.prevHash, entryHash: entry.entryHash });
      }
    }
    for (const p of walker.problems) problem(`audit.${p.kind}`, `audit entry #${p.id}`, `audit entry #${p.id} ${chainWords[p.kind]}`);
  }
  // The live log's key replacements, as core's verification reports them: a notice, not a forgery.
  for (const row of segment?.anchorKeys ?? []) {
    const id = Number(row.id);
    const prev = typeof row.prev_hash === 'string' ? row.prev_hash : null;
    if (!isAnchorKeyReplaced(row) || prev === null || auditEntryHash(row, prev) !== row.entry_hash || anchorKeyReplacedDetails(row) === null) {
      problem('audit.edited', `audit entry #${id}`, `audit entry #${id} ${chainWords.edited}`);
      continue;
    }
    const on = new Date(Number(row.at)).toISOString();
    notices.push({
      code: 'audit.anchorKeyReplaced',
      subject: `audit entry #${id}`,
      message: `audit entry #${id}: the keychain no longer had the key that sealed the audit log's anchor, and Plume replaced it on ${on}: entries written before then cannot be proven intact by the anchor (this is not a sign of tampering; the chain itself is checked link by link)`,
    });
  }

  // Evidence: each approval stands on a chained decision entry about the same revision and reply.
  let approvals = 0;
  for (const [path, content] of contents) {
    if (!path.startsWith('evidence/')) continue;
    approvals++;
    const evidence = parseJson(ApprovalEvidence, content);
    const entry = evidence === null ? undefined : full.get(evidence.auditEntryId);
    const facts: unknown = entry && typeof entry.details === 'string' ? JSON.parse(entry.details) : null;
    const eml = facts !== null && typeof facts === 'object' && 'eml' in facts ? facts.eml : null;
    const backed =
      evidence !== null &&
      entry !== undefined &&
      entry.action === 'approve' &&
      (entry.revision_hash ?? null) === evidence.revisionHash &&
      (eml ?? null) === evidence.replyEml &&
      (evidence.replyEml === null || contents.has(`messages/${evidence.replyEml}.eml`));
    if (!backed) problem('evidenceUnbacked', path, `${path} is not backed by the audit entries and messages of the record`);
    else if (evidence.replyEml !== null && sha256(contents.get(`messages/${evidence.replyEml}.eml`) ?? '') !== evidence.replyEml) {
      problem('fileChanged', `messages/${evidence.replyEml}.eml`, `messages/${evidence.replyEml}.eml does not hash to its name`);
    }
  }
  for (const [path, content] of contents) {
    const match = /^messages\/([0-9a-f]{64})\.eml$/.exec(path);
    if (match && sha256(content) !== match[1] && !problems.some((p) => p.subject === path && p.code === 'fileChanged')) {
      problem('fileChanged', path, `${path} does not hash to its name`);
    }
  }

  // Attachments: every file a chained reply fact says was kept is here, under its own hash.
  let attachments = 0;
  for (const [id, row] of full) {
    let facts: unknown = null;
    try {
      facts = typeof row.details === 'string' ? JSON.parse(row.details) : null;
    } catch {
      // An unparsable entry fails its own chain hash above.
    }
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) continue;
    for (const attachment of attachmentsOf(facts as Record<string, unknown>)) {
      if (attachment.sha256 === null) continue;
      attachments++;
      const path = `attachments/${attachment.sha256}`;
      const digest = attachmentHashes.get(path);
      if (digest === undefined) {
        if (!problems.some((p) => p.subject === path)) {
          problem('attachmentMissing', path, `${path} (“${attachment.name}”, attached to the reply of audit entry #${id}) is missing from the record`);
        }
      } else if (digest !== attachment.sha256) {
        problem('attachmentChanged', path, `${path} (“${attachment.name}”, attached to the reply of audit entry #${id}) was changed: it no longer hashes to its name`);
      }
    }
  }
  for (const [path, digest] of attachmentHashes) {
    if (path !== `attachments/${digest}` && !problems.some((p) => p.subject === path && p.code === 'attachmentChanged')) {
      problem('attachmentChanged', path, `${path} does not hash to its name`);
    }
  }

  return result({ files: manifest.files.length, revisions, approvals, auditEntries, attachments });
}
