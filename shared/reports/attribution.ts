import type { AuditAction, AuditEntry } from '../signoff/audit';

/**
 * Facts of a post still being drafted: nothing has gone to a partner yet (no sign-off request,
 * decision, schedule or publication), so its partner is still a choice being made.
 */
const draftingActions: ReadonlySet<AuditAction> = new Set<AuditAction>(['created', 'contentEdited', 'partnerChanged', 'commented', 'moved']);

/**
 * Which partner each entry counts for, by entry id. Every entry carries the partner the post
 * had when it happened, and counts for them — except the post's drafting facts (its creation
 * and first edits, before anything went to a partner): those count for the partner the draft
 * was written for, the one it has when its drafting ends (its first other fact, else its last
 * fact so far). So a draft started on the wrong partner and switched (`partnerChanged`) counts
 * once, for the right one; a post switched after a sign-off request leaves the request and its
 * answer with the partner who was asked.
 */
export function creditedPartners(entries: readonly AuditEntry[]): Map<number, string> {
  const byPost = new Map<string, AuditEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    const list = byPost.get(entry.postId);
    if (list) list.push(entry);
    else byPost.set(entry.postId, [entry]);
  }
  const credited = new Map<number, string>();
  for (const history of byPost.values()) {
    const end = history.findIndex((e) => !draftingActions.has(e.action));
    const drafting = end === -1 ? history : history.slice(0, end);
    const draftedFor = (end === -1 ? history.at(-1) : history[end])?.partnerId;
    for (const entry of history) credited.set(entry.id, entry.partnerId);
    if (draftedFor !== undefined) for (const entry of drafting) credited.set(entry.id, draftedFor);
  }
  return credited;
}
