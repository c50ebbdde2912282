import type { StoredLine } from '../../../shared/api/procedures/editorial';

/** A line's edits not saved yet, and the saved version they were made on. */
export interface KeptLineDraft {
  base: StoredLine | null;
  draft: StoredLine;
}

/**
 * Unsaved line edits, by owner (`null`: the firm), kept while the window lives: leaving the
 * page (« Publications » in the sidebar, Back, a link) unmounted the editor and dropped
 * minutes of input without a word. Kept as typed (an emptied number is NaN), not serialised.
 */
const kept = new Map<string | null, KeptLineDraft>();

export const keptLineDraft = (partnerId: string | null): KeptLineDraft | undefined => kept.get(partnerId);

export function keepLineDraft(partnerId: string | null, line: KeptLineDraft): void {
  kept.set(partnerId, line);
}

export function forgetLineDraft(partnerId: string | null): void {
  kept.delete(partnerId);
}

/** Whether some line holds edits that closing the window would lose. */
export const lineEditsPending = (): boolean => kept.size > 0;

// Closing the tab ends the window and what it kept: the browser asks first, in its own words
// and language. Not in the desktop shell, whose dialog on a held unload speaks of a post's text
// (electron/main/index.ts).
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (event) => {
    if (lineEditsPending() && window.plumeBridge === undefined) event.preventDefault();
  });
}
