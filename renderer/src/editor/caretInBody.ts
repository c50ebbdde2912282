import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** ProseMirror's default space kept between the caret and the edge it is scrolled to. */
const MARGIN_PX = 5;

/**
 * Keeps the caret in view after an edit when the body's own scrolling is enough (postBody.css:
 * the body is a box that scrolls inside). ProseMirror's default walks every ancestor up to the
 * window and asks each for its box, its sizes and its computed style: in the editor page, ten
 * ancestors and ~60 layout reads per keystroke. Here: the caret, the body's box, the window.
 * Returns false (ProseMirror's default then runs) whenever the body alone cannot show the caret:
 * the body partly off screen, a node selected, the caret not measurable.
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
  // The body must be wholly in the window, or the page itself may have to move.
  if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) return false;
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
