import { z } from 'zod';

/**
 * The audit fact Plume appends when the keychain no longer holds the key that sealed the audit
 * log's anchor (keychain reset, another computer, a backup restored elsewhere) and a new key
 * takes over. It belongs to no post: its post and partner ids are the nil UUID, so post
 * histories and reports (which read facts of their posts and partners) never show it.
 */
export const ANCHOR_KEY_REPLACED = 'anchorKeyReplaced';
export const WORKSPACE_FACT_ID = '00000000-0000-0000-0000-000000000000';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const AnchorKeyReplacedDetails = z.object({
  /** The anchor as it was found, sealed by the key this keychain no longer has (its seal can no longer be checked). */
  previousAnchor: z.object({ lastId: z.number().int(), head: Sha256, at: z.number().int(), keyId: Sha256.nullable() }),
  /** The new key's id (a one-way hash of the anchor key, never the key). */
  keyId: Sha256,
});
export type AnchorKeyReplacedDetails = z.infer<typeof AnchorKeyReplacedDetails>;

/** Whether an audit row (as stored) is that fact. */
export const isAnchorKeyReplaced = (row: Record<string, unknown>): boolean => row.action === ANCHOR_KEY_REPLACED && row.post_id === WORKSPACE_FACT_ID;

/** The fact's details, or null when they do not read as such (the entry's hash then tells whether it was edited). */
export function anchorKeyReplacedDetails(row: Record<string, unknown>): AnchorKeyReplacedDetails | null {
  if (typeof row.details !== 'string') return null;
  try {
    const parsed = AnchorKeyReplacedDetails.safeParse(JSON.parse(row.details));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
