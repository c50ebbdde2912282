import type { SaverStatus } from './draftSaver';
import { afterKeystrokeOrPause } from '../ui/typingPace';

export interface SaveStatusSnapshot {
  status: SaverStatus;
  error: unknown;
  savedAt: number;
}

/**
 * The saver's status and last save time, held outside React: the label and the conflict banner
 * subscribe to it, so a save's dirty → saving → clean does not re-render the whole editor page
 * (its panels included) while a key is on its way.
 */
export class SaveStatusStore {
  private snapshot: SaveStatusSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(savedAt: number) {
    this.snapshot = { status: 'clean', error: null, savedAt };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SaveStatusSnapshot => this.snapshot;

  setStatus(status: SaverStatus, error: unknown = null): void {
    if (status === this.snapshot.status && error === this.snapshot.error) return;
    this.update({ ...this.snapshot, status, error });
  }

  setSavedAt(savedAt: number): void {
    if (savedAt !== this.snapshot.savedAt) this.update({ ...this.snapshot, savedAt });
  }

  private update(next: SaveStatusSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** The steps of typing and saving: the unsaved mark, then a save's own steps. */
const ROUTINE: ReadonlySet<SaverStatus> = new Set<SaverStatus>(['dirty', 'saving', 'clean']);

/**
 * What the label shows of a save status. While keys come, the routine steps (unsaved, saving,
 * saved) are drawn just after a keystroke's frame is painted, or at the pause: drawn in the
 * keystroke's own frame (the unsaved mark at once, a save's steps held for the next key), one
 * key in eight carried the label's render, style and layout (those keys' median +1.1 ms, their
 * p95 twice the others'); drawn whenever they came, each drew a frame of its own, and a key that
 * came just after one waited for the next display refresh. A retry, a refusal and a conflict
 * show at once.
 */
export class PacedSaveStatus {
  private shown: SaveStatusSnapshot;
  private readonly listeners = new Set<() => void>();
  private stopFollowing: (() => void) | null = null;
  private cancelWait: (() => void) | null = null;

  constructor(private readonly source: SaveStatusStore) {
    this.shown = source.getSnapshot();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.stopFollowing) {
      this.stopFollowing = this.source.subscribe(this.follow);
      this.show(this.source.getSnapshot());
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stopFollowing?.();
      this.stopFollowing = null;
      this.cancelWait?.();
      this.cancelWait = null;
    };
  };

  readonly getSnapshot = (): SaveStatusSnapshot => this.shown;

  private readonly follow = (): void => {
    const next = this.source.getSnapshot();
    this.cancelWait?.();
    this.cancelWait = null;
    if (!ROUTINE.has(next.status)) {
      this.show(next);
      return;
    }
    this.cancelWait = afterKeystrokeOrPause(() => {
      this.cancelWait = null;
      this.show(this.source.getSnapshot());
    });
  };

  private show(next: SaveStatusSnapshot): void {
    if (next === this.shown) return;
    this.shown = next;
    for (const listener of this.listeners) listener();
  }
}
