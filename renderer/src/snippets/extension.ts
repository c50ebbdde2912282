import { Node, mergeAttributes } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { SNIPPET_NODE } from '../../../shared/snippets/schema';
import { insertSnippet } from './insert';
import type { SnippetSession } from './snippetSession';

export interface SnippetOptions {
  session: SnippetSession | null;
}

const isLocked = (node: PmNode | null | undefined): boolean => node?.type.name === SNIPPET_NODE && node.attrs.locked === true;

/** Each locked snippet in a document, as "id + text", counted (the same one may be there twice). */
function lockedIn(doc: PmNode): Map<string, number> {
  const found = new Map<string, number>();
  doc.descendants((node) => {
    if (isLocked(node)) {
      const key = `${String(node.attrs.snippetId)}\u0000${String(node.attrs.text)}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    return node.isBlock;
  });
  return found;
}

const lostOne = (before: Map<string, number>, after: Map<string, number>): boolean => [...before].some(([key, count]) => (after.get(key) ?? 0) < count);

/**
 * A snippet in a post. A locked one (the editorial line requires it) is an atom: it is sent as
 * its text, and a guard refuses any edit that would change or remove it, then says why. Loading
 * a stored text (setContent without an update) is not an edit and passes. Ctrl+Space opens the
 * picker; Ctrl/⌘+Shift+digit inserts the snippet with that shortcut.
 */
export const SnippetNode = Node.create<SnippetOptions>({
  name: SNIPPET_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addOptions: () => ({ session: null }),
  addAttributes() {
    return {
      snippetId: { default: '', parseHTML: (el) => el.getAttribute('data-snippet-id') ?? '', renderHTML: (attrs) => ({ 'data-snippet-id': String(attrs.snippetId) }) },
      text: { default: '', parseHTML: (el) => el.textContent, renderHTML: () => ({}) },
      locked: { default: true, parseHTML: (el) => el.getAttribute('data-locked') === 'true', renderHTML: (attrs) => ({ 'data-locked': String(attrs.locked) }) },
    };
  },
  parseHTML: () => [{ tag: 'span[data-snippet-id]' }],
  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'snippet-node', contenteditable: 'false', 'data-testid': 'snippet-node' }), String(node.attrs.text)];
  },
  renderText: ({ node }) => String(node.attrs.text),
  addKeyboardShortcuts() {
    // Said before the browser's own deletion runs: a refused DOM change would leave the view out of step.
    const refuseNext = (side: 'before' | 'after') => () => {
      const { selection } = this.editor.state;
      const next = side === 'before' ? selection.$from.nodeBefore : selection.$to.nodeAfter;
      if (!selection.empty || !isLocked(next)) return false;
      this.options.session?.refused();
      return true;
    };
    return { 'Ctrl-Space': () => this.options.session?.openPicker() ?? false, Backspace: refuseNext('before'), Delete: refuseNext('after') };
  },
  addProseMirrorPlugins() {
    const session = this.options.session;
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('snippetGuard'),
        filterTransaction(tr, state) {
          if (!tr.docChanged || tr.getMeta('preventUpdate') === true) return true;
          if (!lostOne(lockedIn(state.doc), lockedIn(tr.doc))) return true;
          session?.refused();
          return false;
        },
        props: {
          handleKeyDown(_view, event) {
            // The physical digit key: Shift changes the character on AZERTY and QWERTY alike.
            const digit = /^Digit([1-9])$/u.exec(event.code)?.[1];
            if (!session || !digit || !event.shiftKey || event.altKey || !(event.ctrlKey || event.metaKey)) return false;
            const snippet = session.byShortcut(digit);
            if (!snippet) return false;
            const lockedText = session.getSnapshot().locked.get(snippet.id);
            insertSnippet(editor, { id: snippet.id, text: lockedText ?? snippet.text, locked: lockedText !== undefined });
            return true;
          },
        },
      }),
    ];
  },
});
