import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import type { DocNode } from '../../../shared/posts/document';
import { omittedCoreExtensions, postExtensions } from '../editor/extensions';
import { sanitizePastedHtml, sanitizePastedText } from '../editor/pasteSanitizer';
import { Toolbar } from '../editor/Toolbar';
import { LintSession } from '../editor/lint/lintSession';
import { editorLintRunner } from '../editor/lint/editorLintRunner';
import { LintCard } from '../editor/lint/LintCard';
import { NetworkCounters } from '../editorial/editor/NetworkCounters';
import { useEditorialLint } from '../editorial/editor/useEditorialLint';
import { SnippetSession, lockedSnippets } from '../snippets/snippetSession';
import { LockedSnippetNotice } from '../snippets/SnippetTools';
import { noteTyping } from '../ui/typingPace';
import '../editor/postBody.css';

export interface VersionEditorProps {
  network: Network;
  partnerId: string;
  initial: DocNode;
  onChange: (doc: DocNode) => void;
  onBlur: () => void;
}

/**
 * One network's own version: its own editor, linted against the partner's line for that network
 * only and counted as that network counts.
 */
export function VersionEditor({ network, partnerId, initial, onChange, onBlur }: VersionEditorProps) {
  const { t } = useTranslation();
  const label = networkLabels[network];
  const [session] = useState(() => new LintSession(editorLintRunner()));
  const [networks] = useState<readonly Network[]>(() => [network]);
  // Its own session, lock-only: a locked snippet copied from the body stays locked here, and
  // Ctrl+Space or a shortcut typed here never inserts into the main editor.
  const [snippetSession] = useState(() => new SnippetSession('lockOnly'));
  const editor = useEditor({
    extensions: postExtensions(t('versions.placeholder', { network: label }), session, snippetSession),
    content: initial,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    enableCoreExtensions: omittedCoreExtensions,
    editorProps: {
      transformPastedHTML: sanitizePastedHtml,
      transformPastedText: sanitizePastedText,
      attributes: { 'aria-label': t('versions.ownVersion', { network: label }), 'data-testid': `version-body-${network}`, spellcheck: 'true' },
    },
    onUpdate: ({ editor: changed }) => {
      // Typing here is typing too: the save label and the event-driven refetches wait for the pause.
      noteTyping();
      onChange(changed.getJSON() as DocNode);
    },
    onBlur,
  });
  const line = useEditorialLint(editor, session, partnerId, networks).data ?? null;
  useEffect(() => {
    snippetSession.setSnippets([], lockedSnippets(line), line !== null);
  }, [snippetSession, line]);

  return (
    <div className="version-editor" data-testid={`version-editor-${network}`}>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="post-body version-body" />
      <LockedSnippetNotice editor={editor} session={snippetSession} />
      <LintCard editor={editor} session={session} />
      <div className="version-footer">
        <NetworkCounters session={session} networks={networks} />
      </div>
    </div>
  );
}
