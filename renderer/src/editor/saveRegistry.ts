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

// Desktop: main asks before closing the window. Browser: save when the page goes away.
window.plumeBridge?.onFlushRequest(() => saveRegistry.leaveAll());
window.addEventListener('pagehide', () => void saveRegistry.leaveAll());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void saveRegistry.flushAll();
});
