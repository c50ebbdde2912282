import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** ProseMirror's default space kept between the caret and the edge it is scrolled to. */
const MARGIN_PX = 5;

interface Clippers {
  width: number;
  height: number;
  elements: Element[];
}
const clippersOf = new WeakMap<HTMLElement, Clippers>();

/**
 * The body's ancestors that clip what they hold (the page's scrolling panes), found with their
 * computed styles once, and again when the window changes size or the body moved elsewhere.
 */
function clippingAncestors(body: HTMLElement): Element[] {
  const known = clippersOf.get(body);
  if (known && known.width === window.innerWidth && known.height === window.innerHeight && known.elements.every((element) => element.contains(body))) return known.elements;
  const elements: Element[] = [];
  for (let element = body.parentElement; element; element = element.parentElement) {
    const style = getComputedStyle(element);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') elements.push(element);
  }
  clippersOf.set(body, { width: window.innerWidth, height: window.innerHeight, elements });
  return elements;
}

/** Whether `box` is wholly inside the window and inside every pane that clips the body. */
function whollyShown(body: HTMLElement, box: DOMRect): boolean {
  if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) return false;
  return clippingAncestors(body).every((pane) => {
    // What a pane shows is its client area: inside its borders, its scrollbars left out.
    const outer = pane.getBoundingClientRect();
    const top = outer.top + pane.clientTop;
    const left = outer.left + pane.clientLeft;
    return box.top >= top && box.left >= left && box.bottom <= top + pane.clientHeight && box.right <= left + pane.clientWidth;
  });
}

/**
 * Keeps the caret in view after an edit when the body's own scrolling is enough (postBody.css:
 * the body is a box that scrolls inside). ProseMirror's default walks every ancestor up to the
 * window and asks each for its box, its sizes and its computed style: in the editor page, ten
 * ancestors and ~60 layout reads per keystroke. Here: the caret, the body's box and the boxes of
 * the panes that clip it (their styles read once). Returns false (ProseMirror's default then
 * runs) whenever the body alone cannot show the caret: the body partly off screen or under the
 * edge of a pane, a node selected, the caret not measurable.
 */
export function scrollCaretInBody(view: EditorView): boolean {
  const { selection } = view.state;
  if (!(selection instanceof TextSelection)) return false;
  const body = view.dom;
  let caret: { top: number; bottom: number; left: number; right: number };
  try {
    caret = view.coordsAtPos(selection.head);
  } catch {
    return false;
  }
  const box = body.getBoundingClientRect();
  const top = box.top + body.clientTop;
  const bottom = top + body.clientHeight;
  // The body must be wholly shown, or the panes around it may have to move.
  if (!whollyShown(body, box)) return false;
  if (caret.left < box.left || caret.right > box.right) return false;
  // As ProseMirror scrolls: once the caret is past an edge, to MARGIN_PX inside it.
  let shift = 0;
  if (caret.top < top) shift = caret.top - top - MARGIN_PX;
  else if (caret.bottom > bottom) shift = caret.bottom - caret.top > bottom - top ? caret.top - top - MARGIN_PX : caret.bottom - bottom + MARGIN_PX;
  if (shift !== 0) body.scrollTop += shift;
  return true;
}

/** The post editors' body scrolls itself to the caret (see `scrollCaretInBody`). */
export const CaretInBody = Extension.create({
  name: 'caretInBody',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('caretInBody'), props: { handleScrollToSelection: scrollCaretInBody } })];
  },
});
