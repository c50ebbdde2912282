import { useEffect, useRef } from 'react';

export interface Shortcuts {
  newPost: () => void;
  save: () => void;
  search: () => void;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Ctrl+Alt+N is used for "new post" because browsers reserve Ctrl+N for a new window. */
export const shortcutLabels = () => {
  const mod = isMac() ? '⌘' : 'Ctrl';
  return { newPost: `${mod}+Alt+N`, save: `${mod}+S`, search: `${mod}+K` };
};

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    // Read once, not on every keystroke typed in the editor.
    const onMac = isMac();
    const onKey = (event: KeyboardEvent) => {
      if (!(onMac ? event.metaKey : event.ctrlKey)) return;
      const key = event.key.toLowerCase();
      if (event.altKey && (key === 'n' || event.code === 'KeyN')) {
        event.preventDefault();
        latest.current.newPost();
      } else if (!event.altKey && key === 's') {
        event.preventDefault();
        latest.current.save();
      } else if (!event.altKey && key === 'k') {
        event.preventDefault();
        latest.current.search();
      }
    };
    // Capture phase: typing in a post's body stops bubbling at the editor (editor/typingStaysInEditor.ts).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
