import type { SaverStatus } from './draftSaver';

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
