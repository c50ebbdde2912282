/**
 * When to autosave. A save happens `quietMs` after the last keystroke, but never later than
 * `maxWaitMs` after the first unsaved one — so continuous typing still reaches disk at least
 * once a second and a crash (kill -9) loses at most that window.
 */
export interface AutosavePolicy {
  quietMs: number;
  maxWaitMs: number;
}

export const defaultAutosavePolicy: AutosavePolicy = { quietMs: 300, maxWaitMs: 700 };

export interface DirtyState {
  /** First edit not yet handed to a save; null when clean. */
  firstDirtyAt: number | null;
  lastEditAt: number | null;
}

export const cleanState: DirtyState = { firstDirtyAt: null, lastEditAt: null };

export function markEdited(state: DirtyState, now: number): DirtyState {
  return { firstDirtyAt: state.firstDirtyAt ?? now, lastEditAt: now };
}

/** The instant the pending edits must be saved at, or null when there is nothing to save. */
export function saveDueAt(state: DirtyState, policy: AutosavePolicy = defaultAutosavePolicy): number | null {
  if (state.firstDirtyAt === null || state.lastEditAt === null) return null;
  return Math.min(state.lastEditAt + policy.quietMs, state.firstDirtyAt + policy.maxWaitMs);
}
