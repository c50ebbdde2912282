import { Extension } from '@tiptap/core';
import { EDITOR_TIMING, editorialLintPlugin } from './lintPlugin';
import type { LintTiming } from './lintPlugin';
import type { LintSession } from './lintSession';
import { followShownRange } from './followShownRange';
import { withCaretFromPage } from '../caretFromPage';

export interface EditorialLintOptions {
  session: LintSession | null;
  timing: LintTiming;
}

/**
 * The editorial line in the editor: lints as you type (shared/editorial), underlines the
 * findings, and Ctrl/⌘+. opens the card of the finding at the cursor (keyboard access to
 * what the mouse gets on hover).
 */
export const EditorialLint = Extension.create<EditorialLintOptions>({
  name: 'editorialLint',
  addOptions: () => ({ session: null, timing: EDITOR_TIMING }),
  addProseMirrorPlugins() {
    return this.options.session ? [editorialLintPlugin(this.options.session, this.options.timing, { followShown: followShownRange, withCaretFromPage })] : [];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-.': () => this.options.session?.requestCard() ?? false,
    };
  },
});
