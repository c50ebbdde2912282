import { ApiError } from '../../../shared/api/errors';
import { cleanState, defaultAutosavePolicy, markEdited, saveDueAt } from '../../../shared/posts/autosave';
import type { AutosavePolicy, DirtyState } from '../../../shared/posts/autosave';
import type { DocNode } from '../../../shared/posts/document';
import type { Network } from '../../../shared/posts/networks';
import type { Post, PostSaveInput } from '../../../shared/posts/schema';
import { defaultRevisionPolicy } from '../../../shared/posts/revisionPolicy';
import type { RevisionPolicy } from '../../../shared/posts/revisionPolicy';
import { PushedTimer } from '../ui/pushedTimer';

export type SaverStatus = 'clean' | 'dirty' | 'saving' | 'retrying' | 'conflict' | 'invalid';

export interface DraftFields {
  title?: string;
  note?: string;
  networks?: Network[];
  partnerId?: string;
}

/**
 * What a save can carry besides the body: the fields, the whole set of per-network versions
 * (renderer/src/versions/), and thread parts and first comments (issue 16), all under the same version.
 */
export interface SavedFields extends DraftFields, Pick<PostSaveInput, 'threads' | 'firstComments'> {
  versions?: Partial<Record<Network, DocNode>>;
}

export interface DraftSaverOptions {
  postId: string;
  baseVersion: number;
  readContent: () => DocNode;
  save: (input: PostSaveInput) => Promise<Post>;
  /** Keeps the stored text as a revision (posts.keepRevision). */
  keepRevision: () => Promise<Post>;
  onSaved: (post: Post) => void;
  onStatus: (status: SaverStatus, error?: unknown) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * Starts an autosave due in `ms`, never later (it may go sooner, see ui/typingPace.ts); returns
   * a cancel. By default, a timer.
   */
  scheduleSave?: (save: () => void, ms: number) => () => void;
  policy?: AutosavePolicy;
  revisionPolicy?: RevisionPolicy;
  retryMs?: number;
}

/**
 * Autosave for one open draft. Edits accumulate; a save goes out per the autosave policy
 * (≤ quietMs after the last keystroke, ≤ maxWaitMs after the first unsaved one), on blur,
 * on Ctrl+S and on close. Every save names the version it builds on, so a write made
 * elsewhere meanwhile surfaces as a conflict instead of being overwritten. Nothing pending
 * is dropped on failure: unreachable core → retry; conflict → wait for the user's choice.
 * Saves keep the post current; a revision is asked for at meaningful points only
 * (shared/posts/revisionPolicy.ts): a pause in typing, leaving the post, Ctrl+S.
 */
export class DraftSaver {
  private fields: SavedFields = {};
  private contentDirty = false;
  private dirty: DirtyState = cleanState;
  /** Cancels the autosave (or retry) waiting to go out. */
  private cancelSave: (() => void) | null = null;
  /** The pause in typing after which the text is kept as a revision; every edit pushes it back. */
  private readonly pause: PushedTimer;
  /** Edits made since the last revision was kept. */
  private unkept = false;
  private inFlight: Promise<void> | null = null;
  private status: SaverStatus = 'clean';
  private disposed = false;
  private readContent: () => DocNode;
  baseVersion: number;
  /** The version this saver's last successful save wrote (null before one). */
  lastOwnSave: number | null = null;

  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly policy: AutosavePolicy;
  private readonly revisionPolicy: RevisionPolicy;
  private readonly retryMs: number;
  private readonly scheduleSave: (save: () => void, ms: number) => () => void;

  constructor(private readonly options: DraftSaverOptions) {
    this.baseVersion = options.baseVersion;
    this.readContent = options.readContent;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.policy = options.policy ?? defaultAutosavePolicy;
    this.revisionPolicy = options.revisionPolicy ?? defaultRevisionPolicy;
    this.retryMs = options.retryMs ?? 1000;
    this.scheduleSave = options.scheduleSave ?? ((save, ms) => this.cancellableTimer(save, ms));
    this.pause = new PushedTimer(() => void this.keepRevision(false), { now: this.now, setTimer: this.setTimer, clearTimer: this.clearTimer });
  }

  /** Where the body is read from at save time (the live editor, once it exists). */
  readContentFrom(reader: () => DocNode): void {
    this.readContent = reader;
  }

  get currentStatus(): SaverStatus {
    return this.status;
  }

  get hasPending(): boolean {
    return this.contentDirty || Object.keys(this.fields).length > 0;
  }

  get isSaving(): boolean {
    return this.inFlight !== null;
  }

  edit(fields: SavedFields): void {
    this.fields = { ...this.fields, ...fields };
    this.touch();
  }

  contentChanged(): void {
    this.contentDirty = true;
    this.touch();
  }

  /** Saves whatever is pending now; resolves once it is on disk (or has failed safely). */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.hasPending || this.status === 'conflict' || this.disposed) return;
    const request = this.saveOnce();
    this.inFlight = request;
    try {
      await request;
    } finally {
      this.inFlight = null;
    }
  }

  /**
   * Saves what is pending, then keeps the stored text as a revision: on Ctrl+S (`always`, even
   * with nothing typed here), or on a pause or on leaving (only after edits made here).
   */
  async keepRevision(always: boolean): Promise<void> {
    this.cancelPauseTimer();
    await this.flush();
    if (this.disposed || this.hasPending || this.status === 'conflict') return;
    if (!always && !this.unkept) return;
    try {
      const post = await this.options.keepRevision();
      this.unkept = false;
      this.options.onSaved(post);
    } catch {
      // The text is on disk; the next pause, leave or Ctrl+S asks again.
    }
  }

  /** Leaving the post: what is pending is saved and kept as a revision, then the saver stops. */
  async leave(): Promise<void> {
    try {
      await this.keepRevision(false);
    } finally {
      this.dispose();
    }
  }

  /** "Keep mine": build on the version now stored and save the pending edits over it. */
  async keepMine(storedVersion: number): Promise<void> {
    this.baseVersion = storedVersion;
    this.contentDirty = true;
    this.setStatus('dirty');
    await this.flush();
  }

  /** "Load theirs": drop pending edits; the caller loads the stored post into the editor. */
  discardPending(storedVersion: number): void {
    this.cancelTimer();
    this.cancelPauseTimer();
    this.unkept = false;
    this.fields = {};
    this.contentDirty = false;
    this.dirty = cleanState;
    this.baseVersion = storedVersion;
    this.setStatus('clean');
  }

  /**
   * Text put back over an older version than the one stored (a copy kept while saves failed, the
   * post saved elsewhere since): it builds on the version it was typed over and waits, as a
   * conflict, for the user to keep it or load the stored one; nothing is saved over the newer text
   * before (`keepMine`).
   */
  conflictOver(typedOverVersion: number): void {
    this.cancelTimer();
    this.baseVersion = typedOverVersion;
    this.setStatus('conflict');
  }

  /** Another window saved a newer version while we have unsaved edits. */
  markConflict(): void {
    this.cancelTimer();
    this.setStatus('conflict');
  }

  dispose(): void {
    this.cancelTimer();
    this.cancelPauseTimer();
    this.disposed = true;
  }

  private touch(): void {
    if (this.status === 'conflict') return;
    this.dirty = markEdited(this.dirty, this.now());
    this.unkept = true;
    if (this.status !== 'saving') this.setStatus('dirty');
    this.schedule();
    // A pause in typing: every edit pushes it back.
    this.pause.in(this.revisionPolicy.pauseMs);
  }

  private cancelPauseTimer(): void {
    this.pause.cancel();
  }

  private schedule(): void {
    const due = saveDueAt(this.dirty, this.policy);
    if (due === null) return;
    this.cancelTimer();
    this.cancelSave = this.scheduleSave(() => void this.flush(), Math.max(0, due - this.now()));
  }

  private cancellableTimer(fn: () => void, ms: number): () => void {
    const handle = this.setTimer(fn, ms);
    return () => this.clearTimer(handle);
  }

  private cancelTimer(): void {
    this.cancelSave?.();
    this.cancelSave = null;
  }

  private async saveOnce(): Promise<void> {
    const fields = this.fields;
    const withContent = this.contentDirty;
    this.fields = {};
    this.contentDirty = false;
    this.dirty = cleanState;
    this.setStatus('saving');
    try {
      const post = await this.options.save({
        id: this.options.postId,
        baseVersion: this.baseVersion,
        ...fields,
        ...(withContent ? { content: this.readContent() } : {}),
      });
      this.baseVersion = post.version;
      this.lastOwnSave = post.version;
      this.options.onSaved(post);
      if (this.hasPending) {
        this.setStatus('dirty');
        this.dirty = markEdited(this.dirty, this.now());
        this.schedule();
      } else {
        this.setStatus('clean');
      }
    } catch (error) {
      // Put back what did not reach disk, under anything typed meanwhile.
      this.fields = { ...fields, ...this.fields };
      if (withContent) this.contentDirty = true;
      if (error instanceof ApiError && error.code === 'conflict') {
        this.setStatus('conflict', error);
      } else if (error instanceof ApiError && error.code === 'validation') {
        this.setStatus('invalid', error);
      } else {
        this.setStatus('retrying', error);
        this.cancelTimer();
        this.cancelSave = this.cancellableTimer(() => void this.flush(), this.retryMs);
      }
    }
  }

  private setStatus(status: SaverStatus, error?: unknown): void {
    this.status = status;
    this.options.onStatus(status, error);
  }
}
