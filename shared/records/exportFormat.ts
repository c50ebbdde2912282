import { z } from 'zod';
import { ReportMonth } from '../reports/month';

/**
 * The sign-off record export: a folder a firm can hand over and anyone can check offline
 * (`npm run verify-record -- PATH`). Every file is listed in manifest.json with its SHA-256;
 * manifest.sha256 holds the manifest's own hash (`sha256sum -c` reads it too).
 */
export const RECORD_FORMAT = 'plume-signoff-record';
export const MANIFEST = 'manifest.json';
export const MANIFEST_HASH = 'manifest.sha256';
export const CHAIN_FILE = 'audit/chain.json';
export const PUBLISHED_FILE = 'published.json';

export const RecordScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), postId: z.uuid() }),
  z.object({ kind: z.literal('partner'), partnerId: z.uuid() }),
  /** Posts approved or published during the month, each partner's month as lived in their zone. */
  z.object({ kind: z.literal('month'), month: ReportMonth }),
]);
export type RecordScope = z.infer<typeof RecordScope>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestFile = z.object({ path: z.string().min(1), sha256: Sha256, bytes: z.number().int().nonnegative() });

export const Manifest = z.object({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(1),
  createdAt: z.number().int(),
  scope: RecordScope,
  /** The live chain's length and last hash when exported: pins the log's state at that time. */
  auditHead: z.object({ entries: z.number().int().nonnegative(), entryHash: Sha256 }),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

/** A revision file's JSON twin: what the text beside it is (`revisions/<hash>.txt` is the hashed text). */
export const RevisionRecord = z.object({
  postId: z.string(),
  title: z.string(),
  revisionNumber: z.number().int(),
  revisionHash: Sha256,
  requestId: z.string(),
  content: z.object({
    texts: z.record(z.string(), z.string()),
    media: z.array(z.object({ sha256: z.string(), alt: z.string() })),
    accounts: z.record(z.string(), z.string()),
    /** A thread's parts and a first comment are approved with the text (issue 16). */
    threads: z.record(z.string(), z.array(z.string())).optional(),
    firstComments: z.record(z.string(), z.string()).optional(),
  }),
});
export type RevisionRecord = z.infer<typeof RevisionRecord>;

/** Why a revision counts as approved: the decision's audit entry, the reply and the token it carried. */
export const ApprovalEvidence = z.object({
  requestId: z.string(),
  postId: z.string(),
  /** As on the decision's entry (null only in logs written without one). */
  revisionHash: Sha256.nullable(),
  auditEntryId: z.number().int(),
  at: z.number().int(),
  actor: z.object({ kind: z.string(), name: z.string() }),
  channel: z.string().nullable(),
  /** Email replies only: the raw reply (`messages/<sha256>.eml`) and the token found in it. */
  replyEml: Sha256.nullable(),
  messageId: z.string().nullable(),
  token: z.string().nullable(),
});
export type ApprovalEvidence = z.infer<typeof ApprovalEvidence>;

export const PublishedRecord = z.object({
  postId: z.string(),
  network: z.string(),
  remoteId: z.string(),
  url: z.string().nullable(),
  at: z.number().int(),
  auditEntryId: z.number().int(),
});

/** Entries of the scope in full; the others between them only as links, their content withheld. */
export const ChainEntry = z.union([
  z.object({ id: z.number().int(), row: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) }),
  z.object({ id: z.number().int(), withheld: z.literal(true), prevHash: Sha256, entryHash: Sha256 }),
]);
export type ChainEntry = z.infer<typeof ChainEntry>;

export const ChainSegment = z.object({
  genesis: Sha256,
  entries: z.array(ChainEntry),
  /**
   * The live log's `anchorKeyReplaced` facts, in full (each with its chain hashes): when the
   * keychain lost the key that sealed the log's anchor and Plume replaced it. Absent in
   * records exported before these facts existed.
   */
  anchorKeys: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).optional(),
});
export type ChainSegment = z.infer<typeof ChainSegment>;
