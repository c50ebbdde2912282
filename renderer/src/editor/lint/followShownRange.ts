import type { EditorView } from '@tiptap/pm/view';
import { isLong } from './shownUnderlines';
import type { FollowShownRange, ShownRange } from './shownUnderlines';

/**
 * Drawn beyond what is shown, above and below, in heights of the editor's box: a scroll shorter
 * than that per frame shows no text still waiting for its underlines (each scroll measures again
 * in the next frame). 140 spans drawn with a whole screen, 105 with half (the long post in
 * bench/editorPage.bench.ts).
 */
const MARGIN_SCREENS = 0.5;

/** The positions of the top-level blocks whose box meets [top, bottom] (client coordinates); null if none. */
function blocksBetween(view: EditorView, top: number, bottom: number): ShownRange | null {
  const blocks = view.dom.children;
  const count = blocks.length;
  // Blocks are laid out top to bottom: the first one ending below `top`, the last one starting above `bottom`.
  const search = (below: (index: number) => boolean): number => {
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (below(middle)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const rect = (index: number): DOMRect | null => blocks.item(index)?.getBoundingClientRect() ?? null;
  const first = search((index) => (rect(index)?.bottom ?? Infinity) >= top);
  const last = search((index) => (rect(index)?.top ?? Infinity) > bottom) - 1;
  const firstBlock = blocks.item(first);
  const lastBlock = blocks.item(last);
  if (!firstBlock || !lastBlock || last < first) return null;
  const size = view.state.doc.content.size;
  try {
    const from = Math.max(0, view.posAtDOM(firstBlock, 0) - 1);
    const to = Math.min(size, view.posAtDOM(lastBlock, lastBlock.childNodes.length) + 1);
    return from <= to ? { from, to } : null;
  } catch {
    // Not a block the view drew (a widget): the next scroll measures again.
    return null;
  }
}

/**
 * What the editor shows, as document positions (`seen`), and the same with MARGIN_SCREENS of its
 * height above and below (`wanted`): the editor's own box when it scrolls (the post body does,
 * postBody.css), else the part of it inside the window. Null when it is not on screen or holds
 * no blocks.
 */
function shownNow(view: EditorView): { seen: ShownRange; wanted: ShownRange } | null {
  const { dom } = view;
  if (!dom.isConnected) return null;
  const box = dom.getBoundingClientRect();
  const scrolls = dom.scrollHeight > dom.clientHeight;
  const top = scrolls ? box.top : Math.max(box.top, 0);
  const bottom = scrolls ? box.bottom : Math.min(box.bottom, window.innerHeight);
  if (bottom <= top) return null;
  const margin = (bottom - top) * MARGIN_SCREENS;
  const seen = blocksBetween(view, top, bottom);
  const wanted = blocksBetween(view, top - margin, bottom + margin);
  return seen && wanted ? { seen, wanted } : null;
}

/**
 * Tells `show` the range to draw whenever what the editor shows leaves the range drawn: on any
 * scroll (the body's own, the page's), on a resize of the editor or the window, and when asked
 * (`check`: the post became long, or an edit replaced much of it). Measured in an animation
 * frame, once per frame at most, and only in a long post. Returns the check and the stop.
 */
export const followShownRange: FollowShownRange = (view, drawn, show) => {
  let frame: number | null = null;
  const measure = () => {
    frame = null;
    if (!isLong(view.state.doc)) return;
    const shown = shownNow(view);
    if (!shown) return;
    const { seen, wanted } = shown;
    const around = drawn();
    // Still drawn around what is seen, and not much more (a paste or a new post widens it).
    const holds = around !== null && seen.from >= around.from && seen.to <= around.to;
    if (holds && around.to - around.from <= 2 * (wanted.to - wanted.from)) return;
    show(wanted);
  };
  const check = () => {
    if (frame === null && isLong(view.state.doc)) frame = requestAnimationFrame(measure);
  };
  const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
  resized?.observe(view.dom);
  // Capture: a scroll event does not bubble, and the body scrolls inside the page.
  document.addEventListener('scroll', check, { capture: true, passive: true });
  window.addEventListener('resize', check, { passive: true });
  check();
  return {
    check,
    stop: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      resized?.disconnect();
      document.removeEventListener('scroll', check, { capture: true });
      window.removeEventListener('resize', check);
    },
  };
};
