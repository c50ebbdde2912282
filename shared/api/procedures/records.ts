import { z } from 'zod';
import { none, procedure } from '../procedure';
import { RecordScope } from '../../records/exportFormat';

/** An absolute folder chosen by the user (POSIX or Windows); default: the workspace's `exports/`. */
const Folder = z.string().min(1).max(1_000).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), {
  message: 'errors.absoluteFolder',
});

export const AuditLogVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  head: z.string(),
  /** Where the chain breaks, by entry id (at most 50). */
  problems: z.array(
    z.object({
      kind: z.enum(['edited', 'deleted', 'reordered', 'unchained', 'tailCut', 'anchorForged', 'anchorMissing', 'anchorOtherKey']),
      id: z.number().int(),
      /** anchorOtherKey: when the anchor this keychain cannot check was sealed. */
      at: z.number().int().optional(),
    }),
  ),
  /**
   * Not breaks (`ok` stays true): anchorKeyReplaced, the keychain no longer had the key that
   * sealed the anchor and Plume replaced it at `at` (entry `id`): entries written before then
   * cannot be proven intact by the anchor; the chain itself is checked as always.
   */
  notices: z.array(z.object({ kind: z.enum(['anchorKeyReplaced']), id: z.number().int(), at: z.number().int() })),
});
export type AuditLogVerification = z.infer<typeof AuditLogVerification>;

export const recordProcedures = {
  /** Writes the sign-off record of a post, a partner or a month into a new folder; `npm run verify-record -- PATH` checks it. */
  'records.export': procedure(
    z.object({ scope: RecordScope, folder: Folder.optional() }).strict(),
    z.object({
      path: z.string(),
      files: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      approvals: z.number().int().nonnegative(),
      entries: z.number().int().nonnegative(),
    }),
  ),
  /** Rehashes the whole audit log and follows every link (catches edits made outside Plume). */
  'records.verifyAuditLog': procedure(none, AuditLogVerification),
};
