import type { SaverStatus } from './draftSaver';
import { atNextKeystrokeOrPause } from '../ui/typingPace';

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

/** The steps a save takes by itself, asking nothing of the user. */
const CALM: ReadonlySet<SaverStatus> = new Set<SaverStatus>(['saving', 'clean']);

/**
 * What the label shows of a save status. While keys come, a save's calm steps (saving, saved)
 * wait for the next keystroke, drawn in that keystroke's frame, or for the pause: each drew a
 * frame of its own between two keys (two per autosave, every 0.7 s), and a key that came just
 * after one waited for the next display refresh. The unsaved mark, a retry, a refusal and a
 * conflict show at once.
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
    if (!CALM.has(next.status)) {
      this.show(next);
      return;
    }
    this.cancelWait = atNextKeystrokeOrPause(() => {
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
