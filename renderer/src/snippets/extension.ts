import { mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { insertSnippet } from './insert';
import { lockedSnippetGuard, lockedSnippetNextTo } from './lockGuard';
import { SnippetNodeBase } from './node';
import type { SnippetSession } from './snippetSession';

export interface SnippetOptions {
  session: SnippetSession | null;
}

/**
 * A snippet in a post. A locked one (the editorial line requires it) is an atom: it is sent as
 * its text, and no edit may change or remove it (the user is told why). Ctrl+Space opens the
 * picker; Ctrl/⌘+Shift+digit inserts the snippet with that shortcut.
 */
export const SnippetNode = SnippetNodeBase.extend<SnippetOptions>({
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
    const session = this.options.session;
    // Said before the browser's own deletion runs: a refused DOM change would leave the view out of step.
    const refuse = (side: 'before' | 'after') => () => {
      if (!session || !lockedSnippetNextTo(this.editor.state, side, session.stillLocked)) return false;
      session.refused();
      return true;
    };
    return { 'Ctrl-Space': () => session?.openPicker() ?? false, Backspace: refuse('before'), Delete: refuse('after') };
  },
  addProseMirrorPlugins() {
    const session = this.options.session;
    if (!session) return [];
    const editor = this.editor;
    return [
      lockedSnippetGuard(session.stillLocked, () => session.refused()),
      new Plugin({
        key: new PluginKey('snippetShortcuts'),
        props: {
          handleKeyDown(_view, event) {
            // The physical digit key: Shift changes the character on AZERTY and QWERTY alike.
            const digit = /^Digit([1-9])$/u.exec(event.code)?.[1];
            if (!digit || !event.shiftKey || event.altKey || !(event.ctrlKey || event.metaKey)) return false;
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
