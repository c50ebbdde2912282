import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { Finding } from '../../../../shared/editorial/findingSchema';
import { fixTransaction } from './applyFix';
import { freshLint, withFreshLint } from './lintPlugin';
import type { LintState } from './lintPlugin';
import { docRange } from './textPositions';
import type { DocSpan } from './textPositions';

/** A finding of the current document's lint (linting first if keystrokes came since the last one). */
function current(view: EditorView, findingId: string): { state: LintState; finding: Finding } | null {
  const state = freshLint(view);
  const finding = state?.result?.findings.find((f) => f.id === findingId);
  return state && finding ? { state, finding } : null;
}

/** Where a finding sits in the document now. */
export function findingSpan(state: LintState, finding: Finding): DocSpan {
  return docRange(state.map, finding.range, 1);
}

/** Applies a finding's quick fix to the document as one undoable edit; false if it no longer applies. */
export function applyFindingFix(view: EditorView, findingId: string): Promise<boolean> {
  return withFreshLint(view, () => {
    const found = current(view, findingId);
    if (!found?.finding.fix) return false;
    view.dispatch(fixTransaction(view.state, found.state.map, found.finding.fix));
    view.focus();
    return true;
  });
}

/** Selects what a finding points at (or puts the cursor where a missing piece goes). */
export function selectFinding(view: EditorView, findingId: string): Promise<boolean> {
  return withFreshLint(view, () => {
    const found = current(view, findingId);
    if (!found) return false;
    const { from, to } = findingSpan(found.state, found.finding);
    const size = view.state.doc.content.size;
    const selection = TextSelection.create(view.state.doc, Math.min(from, size), Math.min(to, size));
    view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
    view.focus();
    return true;
  });
}

/**
 * The findings at a document position (the cursor, say), innermost first, as hover lists
 * the underlines under the pointer: a word's finding before the sentence's around it. A
 * finding that only ends at the position counts only when none holds it; a finding over the
 * whole post (its language) is in the panel, not here.
 */
export function findingsAt(state: LintState, pos: number): Finding[] {
  const spans = (state.result?.findings ?? [])
    .filter((finding) => !(finding.range.from === 0 && finding.range.to >= state.map.text.length && finding.range.to > finding.range.from))
    .map((finding) => ({ finding, ...findingSpan(state, finding) }));
  const holding = spans.filter(({ from, to }) => (from === to ? pos === from : from <= pos && pos < to));
  const chosen = holding.length > 0 ? holding : spans.filter(({ from, to }) => from < to && pos === to);
  return chosen.sort((a, b) => a.to - a.from - (b.to - b.from)).map(({ finding }) => finding);
}
