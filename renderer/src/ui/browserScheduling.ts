/**
 * The browser's frame and idle callbacks, absent where page code runs in Node (unit tests): each
 * caller says what to do then.
 */
export const scheduling = globalThis as {
  requestAnimationFrame?: (callback: () => void) => number;
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
};
