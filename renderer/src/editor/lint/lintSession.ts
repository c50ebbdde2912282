import type { LintContextInput, LintResult } from '../../../../shared/editorial/findingSchema';
import type { PlainTextMap } from '../../../../shared/posts/document';
import { scheduling } from '../../ui/browserScheduling';
import type { LintLine, LintRunner } from './lintRunner';

/** The last lint of the document, as the panel, counters and hover card read it. */
export interface LintSnapshot {
  /** The plain text the networks receive, with where each character sits in the document. */
  map: PlainTextMap;
  /** Null while no line is known (still loading, or it failed to load). */
  result: LintResult | null;
  /** Time the last lint took (plain text + lint + decorations), in milliseconds. */
  durationMs: number;
}

const WARM_UP_LATEST_MS = 1_000;
/** Once the page is idle; outside a browser (tests), a task later. */
function whenIdle(task: () => void): void {
  if (scheduling.requestIdleCallback) scheduling.requestIdleCallback.call(globalThis, task, { timeout: WARM_UP_LATEST_MS });
  else setTimeout(task, 0);
}

const EMPTY: LintSnapshot = { map: { text: '', positions: [] }, result: null, durationMs: 0 };

/**
 * The link between one open editor's lint plugin and the React around it: the plugin reads
 * the line and context from here and publishes each result; components subscribe
 * (`useSyncExternalStore`). One session per open post.
 */
export class LintSession {
  /** Where lint passes run while typing (a worker); without one, the plugin lints in the page. */
  constructor(readonly runner: LintRunner | null = null) {
    // The worker readies its libraries while the post's line loads, once the editor is drawn: on
    // two cores, its start (a 300 KB script, the line's libraries) slowed the first render.
    if (runner?.prepare) whenIdle(() => runner.prepare?.());
  }

  private lineValue: LintLine | null = null;
  private contextValue: LintContextInput = {};
  private snapshot: LintSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly cardListeners = new Set<() => void>();

  get line(): LintLine | null {
    return this.lineValue;
  }

  get context(): LintContextInput {
    return this.contextValue;
  }

  /** Returns whether anything changed (the caller then asks the plugin to lint again). */
  setInputs(line: LintLine | null, context: LintContextInput): boolean {
    if (line === this.lineValue && sameContext(context, this.contextValue)) return false;
    this.lineValue = line;
    this.contextValue = context;
    return true;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LintSnapshot => this.snapshot;

  publish(snapshot: LintSnapshot): void {
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  private readonly editListeners = new Set<() => void>();

  /**
   * Each edit of the document, before it is linted: what waits for a pause in typing listens
   * here, as lint passes come only every few seconds while typing goes on.
   */
  onEdit(listener: () => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  edited(): void {
    for (const listener of this.editListeners) listener();
  }

  /** The keyboard shortcut asks for the hover card of the finding at the cursor. */
  onCardRequest(listener: () => void): () => void {
    this.cardListeners.add(listener);
    return () => this.cardListeners.delete(listener);
  }

  requestCard(): boolean {
    for (const listener of this.cardListeners) listener();
    return this.cardListeners.size > 0;
  }
}

function sameContext(a: LintContextInput, b: LintContextInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
