/**
 * The browser's frame and idle callbacks, absent where page code runs in Node (unit tests): each
 * caller says what to do then.
 */
export const scheduling = globalThis as {
  requestAnimationFrame?: (callback: () => void) => number;
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
};

/**
 * Runs `task` just after the next frame is painted: a task queued from the frame's animation
 * callback runs once that frame is on screen. At once outside a browser. The returned function
 * cancels it.
 */
export function afterNextPaint(task: () => void): () => void {
  const requestFrame = scheduling.requestAnimationFrame;
  if (!requestFrame) {
    task();
    return () => undefined;
  }
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  requestFrame.call(globalThis, () => {
    if (!cancelled) timer = setTimeout(task, 0);
  });
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}
