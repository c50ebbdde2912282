import type { QuickFix, TextEdit } from './findingSchema';

/** Applies edits (sorted, not overlapping, offsets into `text`) from last to first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.from - a.from || b.to - a.to)
    .reduce((out, edit) => out.slice(0, edit.from) + edit.insert + out.slice(edit.to), text);
}

export const applyFix = (text: string, fix: QuickFix): string => applyEdits(text, fix.edits);
