import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Virtualizer } from '@tanstack/react-virtual';

interface DrawnItem {
  key: string | number | bigint;
  index: number;
  start: number;
}

/**
 * The items a windowed view draws: those near the scrolled-to place, or every one while the page
 * is printed, so a printed agenda or set of lanes holds the whole period, not the screenful drawn
 * (calendar.css lays them out one after the other in print). `beforeprint` renders at once
 * (flushSync): the browser lays the page out for print right after the event.
 */
export function usePrintedWindow(virtualizer: Virtualizer<Element, Element>, count: number): DrawnItem[] {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  if (!printing) return virtualizer.getVirtualItems();
  return Array.from({ length: count }, (_, index) => ({ key: virtualizer.options.getItemKey(index), index, start: 0 }));
}
