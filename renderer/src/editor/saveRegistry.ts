import type { DraftSaver } from './draftSaver';

/** Every open draft's saver, so Ctrl+S, window close and page hide can flush them all. */
const savers = new Set<DraftSaver>();

export const saveRegistry = {
  add(saver: DraftSaver): () => void {
    savers.add(saver);
    return () => savers.delete(saver);
  },
  async flushAll(): Promise<void> {
    await Promise.all([...savers].map((saver) => saver.flush()));
  },
};

// Desktop: main asks before closing the window. Browser: flush when the page goes away.
window.plumeBridge?.onFlushRequest(() => saveRegistry.flushAll());
window.addEventListener('pagehide', () => void saveRegistry.flushAll());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void saveRegistry.flushAll();
});
