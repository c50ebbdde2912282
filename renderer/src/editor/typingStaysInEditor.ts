import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * The events of typing that end at the editor: ProseMirror (listening on the editor's own
 * element) has handled them when they reach here.
 */
const TYPING_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput'] as const;

/**
 * Typing in the body stops bubbling at the editor. Past it, each of a keystroke's five or six
 * events went through React's root listener, which looked for handlers up the component tree and
 * read the selection for `onSelect` (~0.2 ms a key in a profile of the editor page, issue 15),
 * and no component above the editor handles them. The app's shortcuts (Ctrl+S, Ctrl+K,
 * Ctrl+Alt+N) listen on the window's capture phase (app/useShortcuts.ts, search/earlyKeys.ts),
 * which runs before the editor, so they work from the body as from anywhere.
 */
export const TypingStaysInEditor = Extension.create({
  name: 'typingStaysInEditor',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typingStaysInEditor'),
        view: (view) => {
          const stop = (event: Event) => event.stopPropagation();
          for (const type of TYPING_EVENTS) view.dom.addEventListener(type, stop);
          return {
            destroy: () => {
              for (const type of TYPING_EVENTS) view.dom.removeEventListener(type, stop);
            },
          };
        },
      }),
    ];
  },
});
