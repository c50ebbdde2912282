import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

/**
 * A post picked in the search, in a virtualised view (the agenda's parts of days, the lanes):
 * the row `index` that holds it is scrolled to, then the post's handle focused once drawn.
 * Once per post picked and period (`anchor`): a later change of the list (a move, the next
 * weeks read) does not scroll back to it.
 */
export function useRevealHighlight<S extends Element>(options: {
  highlightId: string | null;
  anchor: string;
  index: number;
  virtualizer: Virtualizer<S, Element>;
  root: RefObject<HTMLElement | null>;
  inline?: ScrollLogicalPosition;
}): void {
  const { highlightId, anchor, index, virtualizer, root, inline } = options;
  const revealed = useRef<{ scrolled: string | null; focused: string | null }>({ scrolled: null, focused: null });
  const revealKey = `${highlightId ?? ''}|${anchor}`;
  useEffect(() => {
    if (index < 0 || revealed.current.scrolled === revealKey) return;
    revealed.current.scrolled = revealKey;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [index, revealKey, virtualizer]);
  const drawn = index >= 0 && virtualizer.getVirtualItems().some((item) => item.index === index);
  useEffect(() => {
    if (!drawn || highlightId === null || revealed.current.focused === revealKey) return;
    const handle = root.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(highlightId)}"] .entry-handle`);
    if (!handle) return;
    revealed.current.focused = revealKey;
    handle.focus({ preventScroll: true });
    handle.scrollIntoView({ block: 'nearest', ...(inline === undefined ? {} : { inline }) });
  }, [drawn, highlightId, revealKey, root, inline]);
}
