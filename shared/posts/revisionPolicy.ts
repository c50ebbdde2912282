/**
 * When a save becomes a revision. Autosave keeps the post's row current (shared/posts/autosave.ts:
 * on disk within 0.7 s, so a crash loses nothing); the history keeps only meaningful points —
 * 13 autosaves of one sentence used to make 13 revisions. A revision is kept:
 * - at a pause: no save for `pauseMs` (30 s: longer than a hesitation between two sentences,
 *   shorter than a coffee). The editor asks for it when typing stops; core also keeps the stored
 *   text when a save arrives after such a gap, so a pause is kept whoever saved (or if the
 *   editor crashed before asking);
 * - on leaving the post, on a manual save (Ctrl+S), at a sign-off request and at a publication;
 * - at the edit that voids an approval or a pending request (the audit log names that text);
 * - at a restore: the text being replaced first (unless already kept), then the restored one.
 * A point whose text equals the newest revision's adds nothing: the history never repeats itself.
 */
export interface RevisionPolicy {
  pauseMs: number;
}

export const defaultRevisionPolicy: RevisionPolicy = { pauseMs: 30_000 };

/** What core knows when a save or a checkpoint arrives. */
export interface StoredState {
  /** The stored title and body equal the newest revision's. */
  storedIsNewestRevision: boolean;
  /** When the post row was last written (epoch ms). */
  lastSavedAt: number;
}

export interface RevisionDecision {
  /** Keep the text stored before this call (it stood through a pause, or is about to be replaced). */
  keepStored: boolean;
  /** Keep the text this call writes (a restore). */
  keepWritten: boolean;
}

/** A gap of `pauseMs` or more between two saves is a pause. */
export const pausedSince = (lastSavedAt: number, now: number, policy: RevisionPolicy = defaultRevisionPolicy): boolean =>
  now - lastSavedAt >= policy.pauseMs;

/** An autosave that changes the text: a revision only when the text before it stood through a pause. */
export function revisionsForAutosave(stored: StoredState, now: number, policy: RevisionPolicy = defaultRevisionPolicy): RevisionDecision {
  return { keepStored: !stored.storedIsNewestRevision && pausedSince(stored.lastSavedAt, now, policy), keepWritten: false };
}

/** A restore always leaves the restored text as the newest revision, and never loses the text it replaces. */
export function revisionsForRestore(stored: StoredState): RevisionDecision {
  return { keepStored: !stored.storedIsNewestRevision, keepWritten: true };
}

/** A checkpoint (pause, leave, manual save, sign-off request, publication) keeps the stored text unless already kept. */
export function revisionsForCheckpoint(stored: StoredState): RevisionDecision {
  return { keepStored: !stored.storedIsNewestRevision, keepWritten: false };
}
