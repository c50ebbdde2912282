import type { AuditAction, AuditEntry } from '../../../shared/signoff/audit';
import type { PostStatus } from '../../../shared/posts/schema';

/** Builds audit entries in append order (ids grow), the way core writes them. */
export function auditLog(partnerId: string) {
  const entries: AuditEntry[] = [];
  const add = (
    postId: string,
    iso: string,
    action: AuditAction,
    details: Record<string, unknown> = {},
    extra: { partnerId?: string; from?: PostStatus | null; to?: PostStatus | null; actor?: AuditEntry['actor']['kind'] } = {},
  ): AuditEntry => {
    const entry: AuditEntry = {
      id: entries.length + 1,
      postId,
      partnerId: extra.partnerId ?? partnerId,
      at: Date.parse(iso),
      actor: { kind: extra.actor ?? (['approve', 'requestChanges', 'reject'].includes(action) ? 'partner' : 'community_manager'), name: '' },
      action,
      fromStatus: extra.from ?? null,
      toStatus: extra.to ?? null,
      revisionNumber: null,
      revisionHash: null,
      channel: null,
      details,
    };
    entries.push(entry);
    return entry;
  };
  return { entries, add };
}

export const at = (iso: string): number => Date.parse(iso);
export const HOUR = 3_600_000;
