import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { PlainTextMap } from '../../../../shared/posts/document';
import type { QuickFix, TextEdit } from '../../../../shared/editorial/findingSchema';
import { docRange } from './textPositions';
import { appendSnippet } from '../../snippets/insert';

/** The first position inside a textblock: where text goes in an empty post. */
function firstTextPosition(doc: PmNode): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock) {
      found = pos + 1;
      return false;
    }
    return true;
  });
  return found >= 0 ? found : 0;
}

/**
 * Lines appended after the post's last line become paragraphs of their own (the plain text
 * puts one block per line), filling a trailing empty paragraph first rather than leaving a
 * blank line before them.
 */
function appendLines(tr: Transaction, lines: string[]): void {
  const { schema } = tr.doc.type;
  const paragraph = schema.nodes.paragraph;
  if (!paragraph) return;
  let insertAt = tr.doc.content.size;
  let reuse: number | null = null;
  for (let i = tr.doc.childCount - 1, pos = tr.doc.content.size; i >= 0; i--) {
    const child = tr.doc.child(i);
    pos -= child.nodeSize;
    if (child.type !== paragraph || child.content.size > 0) break;
    reuse = pos;
    insertAt = pos;
  }
  const rest = [...lines];
  if (reuse !== null) {
    const first = rest.shift() ?? '';
    if (first) tr.insertText(first, reuse + 1);
    insertAt = reuse + (tr.doc.nodeAt(reuse)?.nodeSize ?? 2);
  }
  const nodes = rest.map((line) => paragraph.create(null, line ? schema.text(line) : null));
  if (nodes.length > 0) tr.insert(insertAt, nodes);
}

/** Text with line breaks: the first line joins the current block, each further line splits it. */
function insertLines(tr: Transaction, at: number, lines: string[]): void {
  let pos = at;
  lines.forEach((line, i) => {
    if (i > 0) {
      tr.split(pos);
      pos = tr.mapping.slice(tr.mapping.maps.length - 1).map(pos, 1);
    }
    if (line) {
      tr.insertText(line, pos);
      pos += line.length;
    }
  });
}

function applyEdit(tr: Transaction, map: PlainTextMap, edit: TextEdit, fallback: number): void {
  const lines = edit.insert.split('\n');
  if (edit.from === edit.to && edit.from >= map.text.length && lines.length > 1 && lines[0] === '') {
    appendLines(tr, lines.slice(1));
    return;
  }
  const { from, to } = docRange(map, edit, fallback);
  if (to > from) {
    const [first = ''] = lines;
    if (lines.length === 1 && first) {
      // insertText keeps the marks at `from`: a bold banned word is replaced by a bold word.
      tr.insertText(first, from, to);
      return;
    }
    tr.delete(from, to);
  }
  insertLines(tr, from, lines);
}

/**
 * A transaction applying a quick fix's text edits to the document. Offsets are into the plain
 * text `map` was built from (the current document's); edits are applied from the last to the
 * first so each one's positions still hold when it runs.
 */
export function fixTransaction(state: EditorState, map: PlainTextMap, fix: QuickFix): Transaction {
  const tr = state.tr;
  // A locked snippet goes in as its node, not as text anyone could then edit.
  if (fix.snippet?.locked) {
    appendSnippet(tr, fix.snippet);
    return tr.scrollIntoView();
  }
  const fallback = firstTextPosition(state.doc);
  const edits = [...fix.edits].sort((a, b) => b.from - a.from || b.to - a.to);
  for (const edit of edits) applyEdit(tr, map, edit, fallback);
  return tr.scrollIntoView();
}
