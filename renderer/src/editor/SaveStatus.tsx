import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import type { ConflictExcerpt } from '../../../shared/posts/conflictExcerpt';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { PacedSaveStatus } from './saveStatus';
import type { SaveStatusStore } from './saveStatus';

/** "Enregistré il y a…", "Enregistrement…", a retry or a refusal: the post's save status. */
export function SaveStatusLabel({ store }: { store: SaveStatusStore }) {
  const { t } = useTranslation();
  const { relative } = useDateFormat();
  // Paced: while keys come, unsaved → saving → saved are drawn between keystrokes' frames.
  const paced = useMemo(() => new PacedSaveStatus(store), [store]);
  const { status, error, savedAt } = useSyncExternalStore(paced.subscribe, paced.getSnapshot);
  const label =
    status === 'saving'
      ? t('editor.saving')
      : status === 'dirty'
        ? t('editor.unsaved')
        : status === 'retrying'
          ? // A full disk or a damaged file says so; the text stays here and is retried.
            error instanceof ApiError && error.code === 'unavailable'
            ? errorMessage(t, error)
            : t('editor.retrying')
          : status === 'invalid'
            ? errorMessage(t, error)
            : status === 'conflict'
              ? // Not « Enregistré »: the edits made here wait for the user's choice.
                t('editor.conflict.label')
              : t('editor.saved', { when: relative(savedAt) });
  return (
    <span className={`save-status ${status}`} data-testid="save-status" data-status={status} aria-live="polite">
      {label}
    </span>
  );
}

/** How much of the other version's text the conflict banner quotes. */
export const THEIRS_MAX_CHARS = 280;

/**
 * Another window saved this post while edits were pending here: keep mine, or take theirs.
 * `theirs`: the other version's plain text once read (null before), quoted so the choice is made
 * knowing what « keep mine » replaces.
 */
export function ConflictBanner({ store, theirs, onKeepMine, onTakeTheirs }: { store: SaveStatusStore; theirs: ConflictExcerpt | null; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const { t } = useTranslation();
  // A boolean snapshot: the saves' dirty → saving → clean while typing render nothing here.
  const conflict = useSyncExternalStore(store.subscribe, () => store.getSnapshot().status === 'conflict');
  if (!conflict) return null;
  const quoted = theirs === null ? null : `${theirs.cutBefore ? '…' : ''}${theirs.text}${theirs.cutAfter ? '…' : ''}`;
  return (
    <div className="banner warn" role="alert" data-testid="conflict-banner">
      <div>
        <strong>{t('editor.conflict.title')}</strong> {t('editor.conflict.body')}
      </div>
      {quoted !== null ? (
        <div className="muted small" data-testid="conflict-theirs">
          {quoted === ''
            ? t('editor.conflict.theirsEmpty')
            : t('editor.conflict.theirs', { text: quoted, interpolation: { escapeValue: false } })}
        </div>
      ) : null}
      <div className="actions">
        <button onClick={onKeepMine}>{t('editor.conflict.keepMine')}</button>
        <button onClick={onTakeTheirs}>{t('editor.conflict.takeTheirs')}</button>
      </div>
    </div>
  );
}
