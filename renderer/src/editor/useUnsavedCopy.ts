import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { DocNode } from '../../../shared/posts/document';
import type { Post } from '../../../shared/posts/schema';
import type { DraftFields, DraftSaver } from './draftSaver';
import type { SaveStatusStore } from './saveStatus';
import { copyDiffers, dropUnsavedCopy, keepUnsavedCopy, readUnsavedCopy } from './unsavedCopy';
import type { UnsavedCopy } from './unsavedCopy';

const FAILING: ReadonlySet<string> = new Set(['retrying', 'invalid', 'conflict']);
/** While saves fail, the copy follows the typing at most this often. */
const COPY_EVERY_MS = 400;

/**
 * Keeps the post's text in the browser while core cannot write it (unsavedCopy.ts), and when the
 * page goes (hidden, closed) with text not yet confirmed saved, drops it once a save succeeds,
 * and offers back a copy left by an earlier tab or window whose text never reached core (one
 * that core did save says nothing the stored post does not, and is dropped unseen). `noteEdit`
 * is called on every edit: it costs a status check while saves succeed.
 */
export function useUnsavedCopy(initial: Post, saver: DraftSaver, saveStatus: SaveStatusStore, editor: Editor, fields: Required<DraftFields>) {
  const [offered, setOffered] = useState<UnsavedCopy | null>(() => {
    const copy = readUnsavedCopy(initial.id);
    return copy && copyDiffers(copy, initial) ? copy : null;
  });
  const fieldsNow = useRef(fields);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    fieldsNow.current = fields;
  }, [fields]);

  // While a copy is offered, it is the user's to restore or discard: nothing here writes over it
  // or drops it (a save of a typo fixed meanwhile dropped it). A copy is dropped only by the
  // editor that wrote it, once its own save succeeds (not by another tab's).
  const offering = useRef(offered !== null);
  const wrote = useRef(false);
  useEffect(() => {
    offering.current = offered !== null;
  }, [offered]);

  useEffect(() => {
    const keep = () => {
      if (offering.current) return;
      wrote.current = keepUnsavedCopy(initial.id, saver.baseVersion, editor.getJSON() as DocNode, fieldsNow.current, Date.now()) || wrote.current;
    };
    // A copy that says nothing the stored post does not is dropped at once.
    if (!offering.current) dropUnsavedCopy(initial.id);
    let last = saveStatus.getSnapshot().status;
    const unsubscribe = saveStatus.subscribe(() => {
      const status = saveStatus.getSnapshot().status;
      if (status === last) return;
      last = status;
      if (FAILING.has(status)) keep();
      else if (status === 'clean' && wrote.current) {
        dropUnsavedCopy(initial.id);
        wrote.current = false;
      }
    });
    // Closing while a save is pending or on its way (dirty, saving: no failure seen yet) ended it
    // with the page, silently when core was down: the copy is written synchronously as the page
    // goes, whatever the status but clean. The last save may still land: the copy then matches
    // the stored text and is not offered.
    const keepIfUnconfirmed = () => {
      if (saver.currentStatus !== 'clean') keep();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keepIfUnconfirmed();
    };
    window.addEventListener('beforeunload', keepIfUnconfirmed);
    window.addEventListener('pagehide', keepIfUnconfirmed);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', keepIfUnconfirmed);
      window.removeEventListener('pagehide', keepIfUnconfirmed);
      document.removeEventListener('visibilitychange', onHidden);
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, [saver, saveStatus, editor, initial.id]);

  const noteEdit = () => {
    if (!FAILING.has(saver.currentStatus) || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      if (FAILING.has(saver.currentStatus) && !offering.current) {
        wrote.current = keepUnsavedCopy(initial.id, saver.baseVersion, editor.getJSON() as DocNode, fieldsNow.current, Date.now()) || wrote.current;
      }
    }, COPY_EVERY_MS);
  };

  return {
    offered,
    /** The copy's text goes into the editor and is saved as any edit is. */
    restore: (apply: (copy: UnsavedCopy) => void) => {
      if (!offered) return;
      apply(offered);
      // Its text is now the editor's: the copy goes once that text is saved.
      offering.current = false;
      wrote.current = true;
      setOffered(null);
    },
    discard: () => {
      dropUnsavedCopy(initial.id);
      setOffered(null);
    },
    noteEdit,
  };
}
