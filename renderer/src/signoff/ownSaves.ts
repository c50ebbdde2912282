/**
 * Saves of a post this window asked core for itself, other than the editor's own typing
 * (« Appliquer ses corrections » saves the partner's text as a new revision): the editor then
 * follows the stored text as it does for another window's save, but says what happened
 * (« Corrections de … appliquées ») instead of « Mise à jour depuis une autre fenêtre. ».
 * Per window, in memory: another window's copy of the post knows nothing of it, as it should.
 */
const GRACE_MS = 10_000;
const pending = new Map<string, { notice: string; until: number }>();

export const ownSaves = {
  /** Before the call: its `post.saved` events may come before it answers. */
  begin(postId: string, notice: string): void {
    pending.set(postId, { notice, until: Number.POSITIVE_INFINITY });
  },
  /** After the call (done or failed): its events may still be on their way for a few seconds. */
  end(postId: string): void {
    const entry = pending.get(postId);
    if (entry) pending.set(postId, { ...entry, until: Date.now() + GRACE_MS });
  },
  /** The notice for a save of `postId` this window asked for, or null when none is under way. */
  notice(postId: string): string | null {
    const entry = pending.get(postId);
    if (!entry) return null;
    if (entry.until < Date.now()) {
      pending.delete(postId);
      return null;
    }
    return entry.notice;
  },
};
