import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { ResolvedLine } from '../../../shared/editorial/lineSchema';
import { useSnippets } from './queries';
import { SnippetPicker } from './SnippetPicker';
import './snippets.css';
import { lockedSnippets } from './snippetSession';
import type { SnippetSession } from './snippetSession';

/**
 * Everything snippets add to the post editor: feeds the extension the partner's and the firm's
 * snippets and what the line locks, offers the picker (button or Ctrl+Space), and says why an
 * edit of a locked snippet was refused.
 */
export function SnippetTools({ editor, session, partnerId, line }: { editor: Editor; session: SnippetSession; partnerId: string; line: ResolvedLine | null }) {
  const { t } = useTranslation();
  const snippets = useSnippets(partnerId, true);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  useEffect(() => {
    session.setSnippets(snippets.data ?? [], lockedSnippets(line), line !== null);
  }, [session, snippets.data, line]);

  return (
    <div className="snippet-tools">
      <button type="button" className="link small" title={t('snippets.picker.openHint')} aria-keyshortcuts="Control+Space" onClick={() => session.openPicker()} data-testid="snippet-picker-open">
        {t('snippets.picker.open')}
      </button>
      <LockedSnippetNotice editor={editor} session={session} />
      {snapshot.pickerOpen ? <SnippetPicker editor={editor} session={session} snapshot={snapshot} /> : null}
    </div>
  );
}

/** Says why an edit of a locked snippet was refused; stays until the next edit goes through. */
export function LockedSnippetNotice({ editor, session }: { editor: Editor; session: SnippetSession }) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [shownFor, setShownFor] = useState(0);
  useEffect(() => {
    // Asked only when it changes: every keystroke is an update, and each setState one more render.
    let shown = -1;
    const clear = () => {
      const { refusals } = session.getSnapshot();
      if (refusals === shown) return;
      shown = refusals;
      setShownFor(refusals);
    };
    editor.on('update', clear);
    return () => {
      editor.off('update', clear);
    };
  }, [editor, session]);
  return snapshot.refusals > shownFor ? (
    <p className="banner info small" role="status" data-testid="snippet-locked-notice">
      {t('snippets.locked.refused')}
    </p>
  ) : null;
}
