import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** How long after a drop the moved post's handle may still take the focus back. */
const WATCH_MS = 10_000;

const handleOf = (root: HTMLElement, entryId: string) =>
  root.querySelector<HTMLElement>(`[data-testid="calendar-entry"][data-entry-id="${CSS.escape(entryId)}"] [data-testid="entry-handle"]`);

/** The focus is on nothing: the element that had it was taken out of the page. */
const focusLost = () => {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
};

/**
 * After a keyboard drop, the moved post is drawn anew in its new cell and its old chip, which
 * had the focus, is gone (the focus fell to the page's body). `expect(entryId)` watches the
 * calendar: once the view draws the post, its handle gets the focus, so a keyboard user goes on
 * from it. Only a focus left on nothing is taken, never one the user put elsewhere; the watch
 * ends when the user focuses or clicks something else, or after a few seconds (then, the post not drawn,
 * a month day's "+N" say, the focus goes to the calendar's region rather than nowhere).
 */
export function useFocusAfterMove(root: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>): (entryId: string) => void {
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);
  return useCallback(
    (entryId: string) => {
      stop.current?.();
      const container = root.current;
      if (!container) return;
      const place = () => {
        if (focusLost()) handleOf(container, entryId)?.focus();
      };
      const observer = new MutationObserver(place);
      let timer = 0;
      const end = () => {
        observer.disconnect();
        document.removeEventListener('focusin', onFocusIn);
        document.removeEventListener('pointerdown', end, true);
        window.clearTimeout(timer);
        if (stop.current === end) stop.current = null;
      };
      const onFocusIn = (event: FocusEvent) => {
        if (event.target !== handleOf(container, entryId)) end();
      };
      observer.observe(container, { childList: true, subtree: true });
      document.addEventListener('focusin', onFocusIn);
      // A click elsewhere is the user's choice of place, even on nothing focusable.
      document.addEventListener('pointerdown', end, true);
      timer = window.setTimeout(() => {
        end();
        if (focusLost()) fallback.current?.focus();
      }, WATCH_MS);
      stop.current = end;
      place();
    },
    [root, fallback],
  );
}
