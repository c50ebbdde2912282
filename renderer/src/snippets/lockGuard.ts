import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState } from '@tiptap/pm/state';
import { SNIPPET_NODE } from '../../../shared/snippets/schema';

/** Whether the line still locks a snippet; unknown (its line not loaded yet) counts as locked. */
export type StillLocked = (snippetId: string) => boolean;

export const isLockedSnippet = (node: PmNode | null | undefined, stillLocked: StillLocked): boolean =>
  node?.type.name === SNIPPET_NODE && node.attrs.locked === true && stillLocked(String(node.attrs.snippetId));

/** Each locked snippet in a document, as "id + text", counted (the same one may be there twice). */
function lockedIn(doc: PmNode, stillLocked: StillLocked): Map<string, number> {
  const found = new Map<string, number>();
  doc.descendants((node) => {
    if (isLockedSnippet(node, stillLocked)) {
      const key = `${String(node.attrs.snippetId)}\u0000${String(node.attrs.text)}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    return node.isBlock;
  });
  return found;
}

/** Whether going from `before` to `after` removes or changes a locked snippet. */
export function losesLockedSnippet(before: PmNode, after: PmNode, stillLocked: StillLocked): boolean {
  const kept = lockedIn(after, stillLocked);
  return [...lockedIn(before, stillLocked)].some(([key, count]) => (kept.get(key) ?? 0) < count);
}

/** At the caret, the locked snippet Backspace (before) or Delete (after) would remove. */
export function lockedSnippetNextTo(state: EditorState, side: 'before' | 'after', stillLocked: StillLocked): boolean {
  const { selection } = state;
  return selection.empty && isLockedSnippet(side === 'before' ? selection.$from.nodeBefore : selection.$to.nodeAfter, stillLocked);
}

/**
 * Refuses any edit that would change or remove a locked snippet, and says so. Loading a stored
 * text (setContent without an update: another window's save, a restored revision) is not an edit.
 */
export function lockedSnippetGuard(stillLocked: StillLocked, onRefused: () => void): Plugin {
  return new Plugin({
    key: new PluginKey('lockedSnippetGuard'),
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta('preventUpdate') === true) return true;
      if (!losesLockedSnippet(state.doc, tr.doc, stillLocked)) return true;
      onRefused();
      return false;
    },
  });
}
