import { z } from 'zod';
import { none, procedure } from '../procedure';
import { PartnerId } from '../../partners/schema';
import { MAX_LINE_FILE_BYTES } from '../requestSize';
import { PostId } from '../../posts/schema';
import { Network } from '../../posts/networks';
import { EditorialLine, LineVersion, LineVersions, PartnerLine, ResolvedLine } from '../../editorial/lineSchema';
import type { EditorialLineInput, PartnerLineInput } from '../../editorial/lineSchema';
import { LintResult } from '../../editorial/findingSchema';
import { AvocatsFrancePackConfig } from '../../editorial/packs/avocatsFrance';
import { FindingsSummary } from '../../signoff/schema';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A line as the editor sends it; core numbers the version. Only its shape is checked here:
 * core parses it with the line schema itself, so each issue keeps its precise message key,
 * its bounds and the rule it belongs to (the router's generic mapping would flatten them).
 */
export const FirmLineDraft = z.custom<Omit<EditorialLineInput, 'version' | 'scope' | 'id'> & { id?: string }>(isRecord, { message: 'errors.invalid' });
export type FirmLineDraft = z.infer<typeof FirmLineDraft>;
export const PartnerLineDraft = z.custom<Omit<PartnerLineInput, 'version' | 'scope' | 'partnerId' | 'id'> & { id?: string }>(isRecord, { message: 'errors.invalid' });
export type PartnerLineDraft = z.infer<typeof PartnerLineDraft>;

/** Either stored line, told apart by `scope`. */
export const StoredLine = z.union([EditorialLine, PartnerLine]);
export type StoredLine = z.infer<typeof StoredLine>;

/** `null`: the firm's line; otherwise a partner's. */
const lineOwner = PartnerId.nullable();

export const LineVersionInfo = z.object({ version: LineVersion, createdAt: z.number().int() });
export type LineVersionInfo = z.infer<typeof LineVersionInfo>;

/** What an exported file holds; import also accepts a bare line object. */
export const LINE_DOCUMENT_FORMAT = 'plume.editorial-line';
export const LineDocumentEnvelope = z.object({
  format: z.literal(LINE_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  line: z.unknown(),
});

export const LineExport = z.object({ fileName: z.string(), json: z.string() });
export type LineExport = z.infer<typeof LineExport>;

/** The post checked against its partner's resolved line, network by network. */
export const PostCheck = z.object({
  postId: PostId,
  postVersion: z.number().int(),
  partnerId: PartnerId,
  /** The line versions every result below was computed with. */
  versions: LineVersions,
  checkedAt: z.number().int(),
  /** One result per target network; a single `network: null` one when the post has none yet. */
  networks: z.array(z.object({ network: Network.nullable(), result: LintResult })),
  /** Issue 16: each part of a network's thread, linted and counted as its own post on that network. */
  threadParts: z.array(z.object({ network: Network, index: z.number().int().nonnegative(), result: LintResult })).default([]),
  /** Distinct findings across networks (a finding that is not network-specific counts once). */
  summary: FindingsSummary,
  errorFindingIds: z.array(z.string()),
});
export type PostCheck = z.infer<typeof PostCheck>;

/**
 * `details` of a validation error from a line save or import: each issue with its bounds (to
 * interpolate "at most {{maximum}}"), and the rules the issues point into (id and kind as
 * written), so the UI can say "rule 'avocats-fr.bar-mention' (Required mention), field text".
 */
export const LineIssueDetails = z.object({
  fields: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      messageKey: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
  rules: z.array(z.object({ index: z.number().int(), id: z.string().nullable(), kind: z.string().nullable() })),
});
export type LineIssueDetails = z.infer<typeof LineIssueDetails>;

export const EditorialChangedEvent = z.object({ type: z.literal('editorial.changed'), partnerId: PartnerId.nullable(), version: LineVersion });

/**
 * Editorial lines (issue 3): the firm's line and each partner's, versioned (every save inserts
 * the next version), resolved for a partner, checked against a post.
 */
export const editorialProcedures = {
  /** The firm's newest line; a default one is stored as version 1 on first read. */
  'editorial.firmLine': procedure(none, EditorialLine),
  /** The partner's newest line, or null when the partner simply follows the firm's. */
  'editorial.partnerLine': procedure(z.object({ partnerId: PartnerId }).strict(), PartnerLine.nullable()),
  /** Saves the next version; `baseVersion` is the version edited (conflict if it moved on). */
  'editorial.saveFirmLine': procedure(z.object({ baseVersion: LineVersion, line: FirmLineDraft }).strict(), EditorialLine),
  'editorial.savePartnerLine': procedure(
    z.object({ partnerId: PartnerId, baseVersion: LineVersion.nullable(), line: PartnerLineDraft }).strict(),
    PartnerLine,
  ),
  'editorial.versions': procedure(z.object({ partnerId: lineOwner }).strict(), z.array(LineVersionInfo)),
  'editorial.version': procedure(z.object({ partnerId: lineOwner, version: LineVersion }).strict(), StoredLine),
  /** Saves an old version's content as the newest version (history intact). */
  'editorial.restoreVersion': procedure(
    z.object({ partnerId: lineOwner, version: LineVersion, baseVersion: LineVersion.nullable() }).strict(),
    StoredLine,
  ),
  /** The rules that apply to the partner's posts: the firm's line with the partner's on top. */
  'editorial.resolved': procedure(z.object({ partnerId: PartnerId }).strict(), ResolvedLine),
  /** Applies the "Avocats (France)" pack to the firm's line (or a partner's) as a new version. */
  'editorial.applyAvocatsPack': procedure(
    z.object({ partnerId: lineOwner, baseVersion: LineVersion.nullable(), config: AvocatsFrancePackConfig }).strict(),
    StoredLine,
  ),
  'editorial.export': procedure(z.object({ partnerId: lineOwner, version: LineVersion.optional() }).strict(), LineExport),
  /** Validates a JSON document and saves it as the next version; nothing is saved on error. */
  'editorial.import': procedure(
    z.object({ partnerId: lineOwner, baseVersion: LineVersion.nullable(), json: z.string().max(MAX_LINE_FILE_BYTES, { message: 'errors.fileTooLargeShort' }) }).strict(),
    StoredLine,
  ),
  'editorial.checkPost': procedure(z.object({ postId: PostId }).strict(), PostCheck),
} as const;
