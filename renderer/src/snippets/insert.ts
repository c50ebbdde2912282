import type { Editor, JSONContent } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { SNIPPET_NODE } from '../../../shared/snippets/schema';

export interface SnippetToInsert {
  id: string;
  text: string;
  locked: boolean;
}

/** A locked snippet is one uneditable node; any other is plain text, line breaks kept. */
function content(snippet: SnippetToInsert): JSONContent[] {
  if (snippet.locked) return [{ type: SNIPPET_NODE, attrs: { snippetId: snippet.id, text: snippet.text, locked: true } }];
  return snippet.text.split('\n').flatMap((line, i): JSONContent[] => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]);
}

/** Inserts a snippet at the caret (replacing the selection). */
export function insertSnippet(editor: Editor, snippet: SnippetToInsert): void {
  editor.chain().focus().insertContent(content(snippet)).run();
}

/**
 * The quick fix of a missing locked snippet: on its own line at the end, filling a trailing
 * empty paragraph rather than leaving a blank line before it.
 */
export function appendSnippet(tr: Transaction, snippet: SnippetToInsert): void {
  const { schema } = tr.doc.type;
  const paragraph = schema.nodes.paragraph;
  const node = schema.nodes[SNIPPET_NODE];
  if (!paragraph || !node) return;
  const inline = node.create({ snippetId: snippet.id, text: snippet.text, locked: snippet.locked });
  const last = tr.doc.lastChild;
  if (last && last.type === paragraph && last.content.size === 0) {
    tr.insert(tr.doc.content.size - 1, inline);
    return;
  }
  tr.insert(tr.doc.content.size, paragraph.create(null, inline));
}
