import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Transaction } from '@tiptap/pm/state';
import { afterKeystrokeOrPause } from '../ui/typingPace';

/** Which formats the caret is in: the toolbar's pressed buttons. */
export interface ActiveFormats {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
}

const activeFormats = (editor: Editor): ActiveFormats => ({
  bold: editor.isActive('bold'),
  italic: editor.isActive('italic'),
  bulletList: editor.isActive('bulletList'),
  orderedList: editor.isActive('orderedList'),
  link: editor.isActive('link'),
});

const sameFormats = (a: ActiveFormats, b: ActiveFormats): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.bulletList === b.bulletList && a.orderedList === b.orderedList && a.link === b.link;

/**
 * The toolbar's pressed buttons, read again after a transaction: at once when it changed no text
 * (the caret moved, a format toggled for what is typed next) or nobody is typing, else just after
 * the keystroke's frame is painted. TipTap's `useEditorState` read them inside every keystroke's
 * transaction (five `isActive` walks, ~0.07 ms a key in a profile of the editor page, issue 15),
 * where the caret's formats hardly ever change.
 */
export function useActiveFormats(editor: Editor): ActiveFormats {
  const [formats, setFormats] = useState(() => activeFormats(editor));
  useEffect(() => {
    let waiting = false;
    let stop: () => void = () => undefined;
    const refresh = () => {
      waiting = false;
      const next = activeFormats(editor);
      setFormats((shown) => (sameFormats(shown, next) ? shown : next));
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      // Not typing (the caret moved, a format was toggled): at once.
      if (!transaction.docChanged) {
        stop();
        refresh();
        return;
      }
      if (waiting) return;
      waiting = true;
      stop = afterKeystrokeOrPause(refresh);
    };
    // The editor may have changed between the first render and this subscription.
    refresh();
    editor.on('transaction', onTransaction);
    return () => {
      stop();
      editor.off('transaction', onTransaction);
    };
  }, [editor]);
  return formats;
}
