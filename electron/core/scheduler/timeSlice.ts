import { setTimeout as pause } from 'node:timers/promises';

/** How long a catch-up may hold the thread before it pauses as long for everything else. */
export const SLICE_MS = 8;

/**
 * A long pass (the first tick after days offline, an agency's thousands of overdue posts)
 * shares the server's only thread at half duty: `await slice()` between two items costs
 * nothing until `sliceMs` has run, then pauses as long, so HTTP requests (the page loading,
 * an autosave) wait at most one slice. Each item re-reads what it changes after a pause.
 */
export function timeSlicer(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await pause(sliceMs);
    since = performance.now();
  };
}
