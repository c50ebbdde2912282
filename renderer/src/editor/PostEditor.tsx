import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { connection } from '../api/connection';
import { byDeadlineAfterKeystroke, noteTyping } from '../ui/typingPace';
import { useAfterFirstPaint } from '../ui/useAfterFirstPaint';
import { networks, networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { plainTextOf } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import { TITLE_MAX_LENGTH } from '../../../shared/posts/schema';
import type { Post } from '../../../shared/posts/schema';
import type { Partner } from '../../../shared/partners/schema';
import { DraftSaver } from './draftSaver';
import type { DraftFields } from './draftSaver';
import { SaveStatusStore } from './saveStatus';
import { ConflictBanner, SaveStatusLabel, THEIRS_MAX_CHARS } from './SaveStatus';
import { conflictExcerpt } from '../../../shared/posts/conflictExcerpt';
import type { ConflictExcerpt } from '../../../shared/posts/conflictExcerpt';
import { omittedCoreExtensions, postExtensions } from './extensions';
import { sanitizePastedHtml, sanitizePastedText } from './pasteSanitizer';
import { RevisionsPanel } from './RevisionsPanel';
import { refreshRevisionsFirstPage } from './revisionPages';
import { PublicationPanel } from '../publishing/PublicationPanel';
import { PreviewsPanel } from '../previews/PreviewsPanel';
import { EngagementPanel } from '../engagement/EngagementPanel';
import { ApprovalNotice } from '../signoff/ApprovalNotice';
import { SignoffPanel } from '../signoff/SignoffPanel';
import { ownSaves } from '../signoff/ownSaves';
import { saveRegistry } from './saveRegistry';
import { useUnsavedCopy } from './useUnsavedCopy';
import { keptOver } from './keptOver';
import { UnsavedCopyBanner } from './UnsavedCopyBanner';
import { useWorkspaceHealth } from '../storage/queries';
import { Toolbar as ToolbarView } from './Toolbar';
import { LintSession } from './lint/lintSession';
import { editorLintRunner } from './lint/editorLintRunner';
import { LintCard as LintCardView } from './lint/LintCard';
import { EditorialPanel as EditorialPanelView } from '../editorial/editor/EditorialPanel';
import { NetworkCounters as NetworkCountersView } from '../editorial/editor/NetworkCounters';
import { useEditorialLint } from '../editorial/editor/useEditorialLint';
import { newPostFocus, partnerContext } from '../app/partnerContext';
import { postLists } from '../app/queries';
import { invalidatePostsButLists } from '../posts/listRefresh';
import { SimilarityPanel as SimilarityPanelView } from '../similarity/SimilarityPanel';
import { VoiceLine as VoiceLineView } from '../voice/VoiceLine';
import { SimilarityNote } from '../similarity/SimilarityNote';
import { TextSelection } from '@tiptap/pm/state';
import type { TextRange } from '../../../shared/editorial/findingSchema';
import { docSpans } from './lint/textPositions';
import { useDraftText } from './useDraftText';
import { NetworkVersions } from '../versions/NetworkVersions';
import type { VersionTexts } from '../versions/NetworkVersions';
import { SnippetSession } from '../snippets/snippetSession';
import { SnippetTools as SnippetToolsView } from '../snippets/SnippetTools';
import { ThreadsPanel } from '../threads/ThreadsPanel';
import './postBody.css';
import { postTitle } from '../posts/postTitle';

/**
 * The page re-renders once per save (the stored post is refetched, its version moved on); the
 * panels whose props hold still across a save skip that render. Each still follows its own
 * query or the lint session by itself.
 */
/** How long a notice (« Mise à jour depuis une autre fenêtre. », a version restored…) stays. */
const NOTICE_MS = 8_000;
const Toolbar = memo(ToolbarView);
const LintCard = memo(LintCardView);
const NetworkCounters = memo(NetworkCountersView);
const SnippetTools = memo(SnippetToolsView);
const VoiceLine = memo(VoiceLineView);
const SimilarityPanel = memo(SimilarityPanelView);
// The line's query result is a new object each render; what the panel shows of it is its state.
const EditorialPanel = memo(
  EditorialPanelView,
  (a, b) => a.editor === b.editor && a.session === b.session && a.networks === b.networks && a.line.isPending === b.line.isPending && a.line.error === b.line.error,
);
const PostSidePanels = memo(function PostSidePanels({ postId }: { postId: string }) {
  return (
    <>
      <SignoffPanel postId={postId} requestNote={<SimilarityNote postId={postId} />} />
      <PublicationPanel postId={postId} />
      <PreviewsPanel postId={postId} />
      <EngagementPanel postId={postId} />
    </>
  );
});

interface PostEditorProps {
  initial: Post;
  partners: Partner[];
  onDeleted: () => void;
}

/**
 * The post page re-renders on every refetch of the post list or of this post (each save, each
 * event about any post); the editor and its panels only when the stored post or the partners
 * actually changed (React Query keeps an unchanged result's identity). `onDeleted` is the page's
 * fresh arrow each time, always meaning "leave this post": it does not count.
 */
export const PostEditor = memo(PostEditorPage, (before, after) => before.initial === after.initial && before.partners === after.partners);

function PostEditorPage({ initial, partners, onDeleted }: PostEditorProps) {
  const { t } = useTranslation();
  // What is beside and below the body (panels, thread parts) is drawn a frame after the editor:
  // the post can be typed in sooner, and nothing above the body moves when they arrive.
  const besideDrawn = useAfterFirstPaint();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Required<DraftFields>>({
    title: initial.title,
    note: initial.note,
    networks: initial.networks,
    partnerId: initial.partnerId,
  });
  const [saveStatus] = useState(() => new SaveStatusStore(initial.updatedAt));
  const [notice, setNotice] = useState<string | null>(null);
  // A notice says what just happened, then goes (it stayed until the post was closed); the conflict
  // banner replaces it, as « updated from another window » would contradict « which text to keep? ».
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  // A boolean snapshot, as ConflictBanner's: the saves' steps while typing render nothing here.
  const inConflict = useSyncExternalStore(saveStatus.subscribe, () => saveStatus.getSnapshot().status === 'conflict');
  const [lintSession] = useState(() => new LintSession(editorLintRunner()));
  const [snippetSession] = useState(() => new SnippetSession());
  const titleInput = useRef<HTMLInputElement>(null);
  // A post just created: the caret goes to its title, wherever the command came from.
  useEffect(() => {
    if (newPostFocus.take(initial.id)) titleInput.current?.focus();
  }, [initial.id]);

  // Another tab kept its text over the version this tab's own last save wrote (keptOver.ts): the
  // follow says this tab's text was replaced, not « updated from another window ».
  const replacedOver = useRef<number | null>(null);
  // The other version's text while in conflict, quoted in the banner.
  const [theirs, setTheirs] = useState<ConflictExcerpt | null>(null);

  // One saver for the life of this editor (it is keyed by post id): a refetched `initial` after
  // our own save must not start a second saver on an old base version while typing goes on.
  const [saver] = useState(
    () =>
      new DraftSaver({
        postId: initial.id,
        baseVersion: initial.version,
        readContent: () => initial.content,
        save: (input) => api.call('posts.save', input),
        keepRevision: () => api.call('posts.keepRevision', { id: initial.id }),
        onSaved: (post) => {
          saveStatus.setSavedAt(post.updatedAt);
          // Only a kept revision changes the list: most saves fetch nothing.
          void refreshRevisionsFirstPage(queryClient, post.id, post.revisionCount);
        },
        onStatus: (next, error) => saveStatus.setStatus(next, error ?? null),
        // While typing goes on, a save goes out just after a keystroke is on screen.
        scheduleSave: byDeadlineAfterKeystroke,
      }),
  );

  const editor = useEditor({
    extensions: postExtensions(t('editor.bodyPlaceholder'), lintSession, snippetSession),
    content: initial.content,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    enableCoreExtensions: omittedCoreExtensions,
    editorProps: {
      transformPastedHTML: sanitizePastedHtml,
      transformPastedText: sanitizePastedText,
      attributes: { 'aria-label': t('editor.bodyPlaceholder'), 'data-testid': 'post-body', spellcheck: 'true' },
    },
    onUpdate: () => {
      noteTyping();
      saver.contentChanged();
      unsaved.noteEdit();
    },
    onBlur: () => void saver.flush(),
  });

  // While saves fail the text is also kept in the browser; a copy left by a closed tab is offered back.
  const unsaved = useUnsavedCopy(initial, saver, saveStatus, editor, fields);
  // A damaged workspace file is served read-only: typing there could never be saved.
  const healthStatus = useWorkspaceHealth().data?.status;
  const readOnly = healthStatus === 'damaged' || healthStatus === 'unopenable';
  useEffect(() => {
    // No update event: TipTap's default emits one, which the saver took for an edit and saved
    // the text unchanged at every open (a false conflict when another Plume had saved meanwhile).
    if (editor.isEditable !== !readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);
  const editorialLine = useEditorialLint(editor, lintSession, fields.partnerId, fields.networks);
  const draftText = useDraftText(lintSession);
  // The versions' texts as typed: a network's thread is split from its own version.
  const [versionTexts, setVersionTexts] = useState<VersionTexts | undefined>(undefined);

  /** Rewrite: selects the draft's first passage shared with the other post, so typing replaces it. */
  const selectShared = useCallback((shared: readonly TextRange[]) => {
    const { map } = lintSession.getSnapshot();
    const first = shared[0];
    const spans = first ? docSpans(map, first) : [];
    const start = spans[0];
    const end = spans.at(-1);
    if (!start || !end) {
      editor.commands.focus();
      return;
    }
    const size = editor.state.doc.content.size;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, Math.min(start.from, size), Math.min(end.to, size))).scrollIntoView());
    editor.view.focus();
  }, [editor, lintSession]);

  // The saver reads the body lazily, at save time, from the live editor.
  useEffect(() => {
    saver.readContentFrom(() => editor.getJSON() as DocNode);
  }, [editor, saver]);

  useEffect(() => {
    const unregister = saveRegistry.add(saver);
    // Leaving the post keeps its text as a revision.
    return () => {
      unregister();
      void saver.leave();
    };
  }, [saver]);

  // The newest stored version this editor loaded (opened, or followed from elsewhere), not its own saves:
  // a copy of unsaved text typed over an older one would replace text saved elsewhere since.
  const [loadedVersion, setLoadedVersion] = useState(initial.version);
  const loadStored = async () => {
    const stored = await api.call('posts.get', { id: initial.id });
    editor.commands.setContent(stored.content, { emitUpdate: false });
    saver.discardPending(stored.version);
    setTheirs(null);
    setLoadedVersion(stored.version);
    setFields({ title: stored.title, note: stored.note, networks: stored.networks, partnerId: stored.partnerId });
    saveStatus.setSavedAt(stored.updatedAt);
    return stored;
  };

  // Another window or tab saved this post: follow it when we have nothing pending, else ask.
  const followStored = (version: number) => {
    if (version <= saver.baseVersion || saver.isSaving) return;
    if (saver.hasPending) saver.markConflict();
    else
      void loadStored().then(() => {
        const replaced = replacedOver.current !== null;
        replacedOver.current = null;
        // A save this window asked for (the partner's corrections applied) is no other window's.
        setNotice(ownSaves.notice(initial.id) ?? t(replaced ? 'editor.replacedByOther' : 'editor.reloaded'));
      });
  };
  useEffect(
    () =>
      keptOver.subscribe(initial.id, (over) => {
        if (over !== saver.lastOwnSave) return;
        // Told after following the newer version already: the notice is corrected.
        if (saver.baseVersion > over) setNotice(t('editor.replacedByOther'));
        else replacedOver.current = over;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once per open post
    [saver],
  );
  // In conflict, the other version is read so the banner can quote it.
  useEffect(() => {
    if (!inConflict) return;
    let current = true;
    void api
      .call('posts.get', { id: initial.id })
      .then((stored) => {
        // Quoted where it starts to differ from this window's text: what « keep mine » replaces.
        if (current) setTheirs(conflictExcerpt(stored.plainText, plainTextOf(editor.getJSON() as DocNode), THEIRS_MAX_CHARS));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [inConflict, initial.id, editor]);
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'post.saved' && event.postId === initial.id) followStored(event.version);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once per open post
    [saver],
  );

  // Back after an outage (server restarted, session regained): events may have been missed, so
  // what is stored is read again before the stale text is taken as current or anything offered.
  useEffect(() => {
    const isUp = () => connection.get() && !connection.signedOut();
    let wasUp = isUp();
    const unsubscribe = connection.subscribe(() => {
      const up = isUp();
      if (up && !wasUp) {
        void api
          .call('posts.get', { id: initial.id })
          .then((stored) => followStored(stored.version))
          .catch(() => undefined);
      }
      wasUp = up;
    });
    return () => {
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once per open post
  }, [saver]);

  const edit = (patch: DraftFields) => {
    noteTyping();
    setFields((current) => ({ ...current, ...patch }));
    saver.edit(patch);
    unsaved.noteEdit();
  };

  const copyIsOlder = unsaved.offered !== null && unsaved.offered.baseVersion < loadedVersion;
  const restoreUnsaved = () =>
    unsaved.restore((copy) => {
      // Saved elsewhere since the copy was typed: the conflict banner asks which text to keep, and
      // nothing is saved over the newer one before « Garder ma version ».
      if (copy.baseVersion < loadedVersion) saver.conflictOver(copy.baseVersion);
      editor.commands.setContent(copy.content, { emitUpdate: true });
      const { title, note, networks: copiedNetworks, partnerId } = copy.fields;
      edit({
        ...(title !== undefined ? { title } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(copiedNetworks !== undefined ? { networks: copiedNetworks } : {}),
        ...(partnerId !== undefined ? { partnerId } : {}),
      });
    });

  const toggleNetwork = (network: Network) => {
    const next = fields.networks.includes(network) ? fields.networks.filter((n) => n !== network) : [...fields.networks, network];
    edit({ networks: networks.filter((n) => next.includes(n)) });
  };

  const keepMine = async () => {
    // The text mine replaces stays in the history, as a restore keeps the text it replaces; should
    // core not answer, nothing is saved over it and the banner stays (the status bar says why).
    await api.call('posts.keepRevision', { id: initial.id });
    const stored = await api.call('posts.get', { id: initial.id });
    keptOver.announce(initial.id, stored.version);
    setTheirs(null);
    await saver.keepMine(stored.version);
  };

  const restored = (post: Post, number: number) => {
    editor.commands.setContent(post.content, { emitUpdate: false });
    saver.discardPending(post.version);
    setTheirs(null);
    setFields((current) => ({ ...current, title: post.title }));
    saveStatus.setSavedAt(post.updatedAt);
    setNotice(t('revisions.restored', { number }));
  };

  const remove = async () => {
    if (!window.confirm(t('posts.deleteConfirm'))) return;
    saver.dispose();
    await api.call('posts.delete', { id: initial.id });
    // The loaded list loses the row without being read again page by page (posts/listRefresh.ts).
    await Promise.all([postLists.now(queryClient, [initial.id]), invalidatePostsButLists(queryClient)]);
    onDeleted();
  };

  return (
    <div className="editor-layout">
      <article className="post-editor" aria-label={postTitle(fields.title, t)}>
        <ConflictBanner store={saveStatus} theirs={theirs} onKeepMine={() => void keepMine().catch(() => undefined)} onTakeTheirs={() => void loadStored()} />
        {unsaved.offered ? <UnsavedCopyBanner copy={unsaved.offered} newerStored={copyIsOlder} onRestore={restoreUnsaved} onDiscard={unsaved.discard} /> : null}
        {notice && !inConflict ? (
          <div className="banner info" role="status" data-testid="editor-notice">
            {notice}
          </div>
        ) : null}
        {readOnly ? (
          <p className="banner warn" data-testid="editor-read-only">
            {t(healthStatus === 'unopenable' ? 'editor.readOnlyUnopenable' : 'editor.readOnly')}
          </p>
        ) : null}
        <input
          ref={titleInput}
          readOnly={readOnly}
          className="title-input"
          aria-label={t('editor.titlePlaceholder')}
          placeholder={t('editor.titlePlaceholder')}
          value={fields.title}
          maxLength={TITLE_MAX_LENGTH}
          onChange={(e) => edit({ title: e.target.value })}
          onPaste={(e) => {
            // The field keeps the first characters of a longer paste: say so rather than cut silently.
            const field = e.currentTarget;
            const replaced = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
            if (field.value.length - replaced + e.clipboardData.getData('text/plain').length > TITLE_MAX_LENGTH) setNotice(t('editor.titleCut', { max: TITLE_MAX_LENGTH }));
          }}
          onBlur={() => void saver.flush()}
        />
        <div className="editor-header">
          {/* `initial` is the post query's data, refetched on saves and on sign-off and publication events. */}
          <span className={`badge status-${initial.status}`}>{t(`posts.status.${initial.status}`)}</span>
          <SaveStatusLabel store={saveStatus} />
        </div>
        <div className="editor-meta">
          <label>
            {t('editor.partner')}{' '}
            <select value={fields.partnerId} disabled={readOnly} onChange={(e) => {
                edit({ partnerId: e.target.value });
                partnerContext.set(e.target.value);
              }}
              data-testid="post-partner"
            >
              {partners.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.displayName}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="networks" disabled={readOnly}>
            <legend>{t('editor.networks')}</legend>
            {networks.map((network) => (
              <label key={network} className={fields.networks.includes(network) ? 'chip on' : 'chip'}>
                <input type="checkbox" checked={fields.networks.includes(network)} onChange={() => toggleNetwork(network)} />
                {networkLabels[network]}
              </label>
            ))}
          </fieldset>
        </div>
        <ApprovalNotice postId={initial.id} partnerName={partners.find((p) => p.id === fields.partnerId)?.displayName ?? null} />
        <NetworkVersions post={initial} networks={fields.networks} partnerId={fields.partnerId} saver={saver} commonDoc={() => editor.getJSON() as DocNode} onTexts={setVersionTexts} />
        <Toolbar editor={editor} />
        <SnippetTools editor={editor} session={snippetSession} partnerId={fields.partnerId} line={editorialLine.data ?? null} />
        <EditorContent editor={editor} className="post-body" />
        <LintCard editor={editor} session={lintSession} />
        {besideDrawn ? <ThreadsPanel post={initial} networks={fields.networks} text={draftText} versions={versionTexts} onChange={(patch) => saver.edit(patch)} /> : null}
        <div className="editor-footer">
          {/* Counting for each network (X's rules parse URLs and mentions) waits for the frame after the
              body's; the empty span keeps the delete button where it will stay. */}
          {besideDrawn ? <NetworkCounters session={lintSession} networks={fields.networks} /> : <span />}
          <button className="danger link" onClick={() => void remove()}>
            {t('posts.delete')}
          </button>
        </div>
        <label className="note">
          {t('editor.note')}
          <textarea
            readOnly={readOnly}
            value={fields.note}
            placeholder={t('editor.notePlaceholder')}
            onChange={(e) => edit({ note: e.target.value })}
            onBlur={() => void saver.flush()}
            rows={3}
          />
        </label>
      </article>
      <div className="editor-side">
        {besideDrawn ? (
          <>
            {/* The findings first: what the line says about the text being typed is read while typing (below the other panels it began 1,300 px down, off screen). */}
            <EditorialPanel editor={editor} session={lintSession} networks={fields.networks} line={editorialLine} />
            <PostSidePanels postId={initial.id} />
            <VoiceLine partnerId={fields.partnerId} text={draftText} />
            <SimilarityPanel postId={initial.id} text={draftText} onRewrite={selectShared} />
            <RevisionsPanel
              postId={initial.id}
              beforeRestore={() => saver.flush()}
              onKeep={() => saver.keepRevision(true)}
              baseVersion={() => saver.baseVersion}
              onRestored={restored}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
