import { connection } from '../api/connection';
import type { DraftSaver } from './draftSaver';

/** Every open draft's saver, so Ctrl+S, window close and page hide reach them all. */
const savers = new Set<DraftSaver>();

export const saveRegistry = {
  add(saver: DraftSaver): () => void {
    savers.add(saver);
    return () => savers.delete(saver);
  },
  async flushAll(): Promise<void> {
    await Promise.all([...savers].map((saver) => saver.flush()));
  },
  /** Ctrl+S: saved, and kept as a revision. */
  async keepAll(): Promise<void> {
    await Promise.all([...savers].map((saver) => saver.keepRevision(true)));
  },
  /** Closing: saved, and kept as a revision when edited (core also keeps it at the next save after a pause, should this not arrive). */
  async leaveAll(): Promise<void> {
    await Promise.all([...savers].map((saver) => saver.keepRevision(false)));
  },
};

/** Statuses in which closing would lose text: a save failed and is being retried, refused, or in conflict. */
const FAILING: ReadonlySet<string> = new Set(['retrying', 'invalid', 'conflict']);

/**
 * Whether some open draft holds text that a save could not write, or that no save can write now:
 * typed (or on its way) while core is known not to answer, before any save of it has failed.
 */
export const unsavedTextAtRisk = (): boolean =>
  [...savers].some((saver) => (saver.hasPending || saver.isSaving) && (FAILING.has(saver.currentStatus) || !connection.get()));

// The browser asks before the page goes while text could not be written (its copy is kept too,
// unsavedCopy.ts); the desktop shell asks in a dialog of its own (electron/main/index.ts).
window.addEventListener('beforeunload', (event) => {
  if (unsavedTextAtRisk()) event.preventDefault();
});
// Desktop: main asks before closing the window. Browser: save when the page goes away.
window.plumeBridge?.onFlushRequest(() => saveRegistry.leaveAll());
window.addEventListener('pagehide', () => void saveRegistry.leaveAll());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void saveRegistry.flushAll();
});
