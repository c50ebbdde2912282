import type { ResolvedLine } from '../../../shared/editorial/lineSchema';
import type { Snippet } from '../../../shared/snippets/schema';

export interface SnippetSnapshot {
  /** What the editor offers: the partner's snippets first, then the firm's. */
  snippets: readonly Snippet[];
  /** Snippets the editorial line locks, with the text the line requires. */
  locked: ReadonlyMap<string, string>;
  /** Whether the post's line is known: until then every locked snippet stays locked. */
  lineKnown: boolean;
  pickerOpen: boolean;
  /** Bumped each time an edit touching a locked snippet is refused (the notice shows again). */
  refusals: number;
}

/** What a line locks: its required snippets marked to be locked in the editor. */
export function lockedSnippets(line: ResolvedLine | null): Map<string, string> {
  const locked = new Map<string, string>();
  for (const { rule } of line?.rules ?? []) if (rule.kind === 'requiredSnippet' && rule.enabled && rule.lockInEditor) locked.set(rule.snippetId, rule.text);
  return locked;
}

/**
 * The bridge between the snippet extension (keys, guard) and the React picker and notice.
 * Each editor has its own. A lock-only session (a network's own version) keeps locked snippets
 * locked but inserts nothing: the picker and its shortcuts belong to the main editor.
 */
export class SnippetSession {
  constructor(private readonly mode: 'full' | 'lockOnly' = 'full') {}

  private snapshot: SnippetSnapshot = { snippets: [], locked: new Map(), lineKnown: false, pickerOpen: false, refusals: 0 };
  private readonly listeners = new Set<() => void>();

  getSnapshot = (): SnippetSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setSnippets(snippets: readonly Snippet[], locked: ReadonlyMap<string, string>, lineKnown: boolean): void {
    if (snippets === this.snapshot.snippets && lineKnown === this.snapshot.lineKnown && sameMap(locked, this.snapshot.locked)) return;
    this.set({ snippets, locked, lineKnown });
  }

  /**
   * Whether a locked snippet in the text is still locked: its line still requires it locked (a
   * post moved to another partner, or a rule switched off, frees it).
   */
  stillLocked = (snippetId: string): boolean => !this.snapshot.lineKnown || this.snapshot.locked.has(snippetId);

  openPicker(): boolean {
    if (this.mode === 'lockOnly') return false;
    this.set({ pickerOpen: true });
    return true;
  }

  closePicker(): void {
    if (this.snapshot.pickerOpen) this.set({ pickerOpen: false });
  }

  refused(): void {
    this.set({ refusals: this.snapshot.refusals + 1 });
  }

  /** The snippet behind a shortcut digit (the partner's wins: `snippets` has it first). */
  byShortcut(digit: string): Snippet | undefined {
    if (this.mode === 'lockOnly') return undefined;
    return this.snapshot.snippets.find((s) => s.shortcut === digit);
  }

  private set(patch: Partial<SnippetSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const sameMap = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean =>
  a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
