import { TextSelection } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * `tr` (a redraw of decorations: no edit, no selection of its own) carrying the caret where the
 * page has it. A caret moved by the browser (an arrow key, Ctrl+End, a click) reaches the editor's
 * state only with the selection event that follows; ProseMirror writes its state's selection
 * back into the page whenever it redraws, so a redraw dispatched in between (the underlines
 * near what the body shows, a lint from the worker) would put the caret back where it was and
 * the move would be lost. Only a text caret or range inside the editor is carried over.
 */
export function withCaretFromPage(view: EditorView, tr: Transaction): Transaction {
  if (tr.docChanged || tr.selectionSet || view.composing || !(view.state.selection instanceof TextSelection)) return tr;
  const page = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = page ?? {};
  if (!page || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return tr;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, page.anchorOffset);
    head = view.posAtDOM(focusNode, page.focusOffset);
  } catch {
    // Not a position the view drew (inside a widget): left to ProseMirror's own reading.
    return tr;
  }
  const { selection } = view.state;
  if (anchor === selection.anchor && head === selection.head) return tr;
  const size = tr.doc.content.size;
  if (anchor < 0 || head < 0 || anchor > size || head > size) return tr;
  if (!tr.doc.resolve(anchor).parent.inlineContent || !tr.doc.resolve(head).parent.inlineContent) return tr;
  return tr.setSelection(TextSelection.create(tr.doc, anchor, head));
}
