import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { Finding, LintResult } from '../../../../shared/editorial/findingSchema';
import { plainTextMap } from '../../../../shared/posts/document';
import type { DocNode, PlainTextMap } from '../../../../shared/posts/document';
import type { LintRunner } from './lintRunner';
import type { LintSession, LintSnapshot } from './lintSession';
import { loadPageLint, pageLint } from './pageLint';
import { docPlace, docSpans } from './textPositions';
import { afterNextPaint, scheduling } from '../../ui/browserScheduling';
import { DRAW_EVERY_UNDERLINE_UP_TO, mapShownRange, shownUnderlines } from './shownUnderlines';
import type { FollowShownRange, ShownRange, UnderlineSpec } from './shownUnderlines';

export interface LintState extends LintSnapshot {
  /** Every finding's underline. */
  decorations: DecorationSet;
  /** The underlines the view draws: all of them, or in a long post those near what it shows (shownUnderlines.ts). */
  shown: DecorationSet;
  /** The part of the document `shown` covers in a long post, as the view last measured it; null: all. */
  around: ShownRange | null;
  /** The document changed since this lint: decorations were mapped through the edit, a new lint is due. */
  stale: boolean;
}

/**
 * When to lint after an edit. `delayMs: 0` lints inside the transaction itself (tests, the
 * benchmark); the editor lints `delayMs` after the last keystroke and never later than
 * `maxWaitMs` after the first one not linted yet, so a keystroke costs only mapping the
 * underlines and continuous typing still sees them follow within `maxWaitMs`.
 */
export interface LintTiming {
  delayMs: number;
  maxWaitMs: number;
}

export const SYNCHRONOUS: LintTiming = { delayMs: 0, maxWaitMs: 0 };
/**
 * A quarter of a second after a pause; while typing on, at the first keystroke two seconds
 * after the first one not linted, just after it is painted. The lint itself runs in a worker,
 * but each pass still costs the page its plain text, the redraw of changed underlines and, on
 * a two-core machine, a core for a few ms; a keystroke that lands on one waits.
 * bench/typingLatency.bench.ts, p95 ratio to bare TipTap: every 60/150 ms in the page ×3.6;
 * every second in the page ×1.3; every second in the worker ×1.08–1.11; every two seconds,
 * underlines keyed to survive edits elsewhere, ×1.03–1.14; and right after a keystroke
 * ×0.98–1.04 (every second that way: ×1.10–1.19).
 */
export const EDITOR_TIMING: LintTiming = { delayMs: 250, maxWaitMs: 2000 };

/** Longer than any network takes (LinkedIn: 3,000): beyond it, passes while typing space out. */
export const LONG_TEXT = 5_000;
const LONG_TEXT_WAIT_FACTOR = 3;

/**
 * How long continuous typing goes unlinted in a text of `length` characters: `maxWaitMs` up to
 * LONG_TEXT, then in proportion to the length (up to three times as long). A pass costs the
 * page its plain text, the worker's answer and the redraw, and a core the lint itself, all in
 * proportion to the length: a 30,000-character post linted every two seconds put those under
 * the keys (p95 ×1.5 lint off, bench/editorPage.bench.ts). A pause still lints at once.
 */
export function maxWaitFor(timing: LintTiming, length: number): number {
  return timing.maxWaitMs * Math.min(LONG_TEXT_WAIT_FACTOR, Math.max(1, length / LONG_TEXT));
}

export const editorialLintKey = new PluginKey<LintState>('editorialLint');
const REFRESH = 'refresh';
/** The view tells the part of the document it shows, with a margin (followShownRange). */
interface Showing {
  showing: ShownRange;
}

/** A finding over the whole post (its language, say) is listed in the panel, not underlined. */
const wholePost = (finding: Finding, text: string): boolean =>
  text.length > 0 && finding.range.from === 0 && finding.range.to >= text.length;

/**
 * A missing piece (the bar mention, a hashtag) has a place, not a span: the character just
 * before it gets a caret after it (CSS), hoverable like an underline. No widget: nothing
 * enters the editable DOM, so the cursor and typing behave as without the lint.
 */
function placeSpan(doc: PmNode, map: PlainTextMap, offset: number): { from: number; to: number } | null {
  const at = docPlace(map, offset, 1);
  if (at > 1 && doc.textBetween(at - 1, at).length > 0) return { from: at - 1, to: at };
  if (at < doc.content.size && doc.textBetween(at, at + 1).length > 0) return { from: at, to: at + 1 };
  return null;
}

/**
 * A name for each finding's underline that survives edits elsewhere in the post: its rule,
 * check and network, and which occurrence of those it is. A finding's id carries its range,
 * so typing before an underline, or at the end of a post under its "over X's limit" one,
 * renames it; underlines named by id would then differ in every paragraph they cross and the
 * view would redraw them all, where with the key only the paragraph typed in changes.
 */
export function underlineKeys(findings: readonly Finding[]): Map<string, Finding> {
  const keys = new Map<string, Finding>();
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const base = `${finding.ruleId}/${finding.messageKey}/${finding.network ?? '*'}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    keys.set(`${base}#${String(occurrence)}`, finding);
  }
  return keys;
}

/** Underlines (and, for a missing piece, a caret where it goes) for each finding; no rule logic here. */
export function findingDecorations(doc: PmNode, map: PlainTextMap, findings: readonly Finding[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [key, finding] of underlineKeys(findings)) {
    if (finding.range.from === finding.range.to) {
      const span = placeSpan(doc, map, finding.range.from);
      const attrs = { nodeName: 'span', class: `lint-place lint-${finding.severity}`, 'data-finding-key': key };
      const spec: UnderlineSpec = { findingKey: key, place: true };
      if (span) decorations.push(Decoration.inline(span.from, span.to, attrs, spec));
      continue;
    }
    if (wholePost(finding, map.text)) continue;
    // Its own span (nodeName): ProseMirror merges the attributes of overlapping decorations
    // that have none, so a word's key inside a flagged sentence would be overwritten and the
    // hover card would miss the word's finding.
    const attrs = { nodeName: 'span', class: `lint lint-${finding.severity}`, 'data-finding-key': key };
    const spans = docSpans(map, finding.range);
    for (const span of spans) {
      // A whole paragraph of a finding that runs over several (the text past a network's limit
      // covers every paragraph after the one where it falls): the underline is the paragraph's
      // own class, not a span around its text. The browser then edits plain text nodes (a
      // 30,000-character post held ~1,900 such spans), and what is typed at the paragraph's end is
      // underlined at once, as it belongs to the finding. Not for a finding within one paragraph
      // (a banned word alone on its line): what is typed after it is not part of it. Its key is a
      // class too: classes of several decorations on one node add up, where a second
      // data-finding-key would replace the first.
      const block = spans.length > 1 ? wholeTextblock(doc, span) : null;
      const spec: UnderlineSpec = { findingKey: key, block: block !== null };
      if (block) decorations.push(Decoration.node(block.from, block.to, { class: `lint lint-${finding.severity} ${BLOCK_KEY_PREFIX}${encodeURIComponent(key)}` }, spec));
      // Not inclusive at the end, even for the text past a limit: the browser types a character
      // at the end of a span into a text node after it, so an underline that took it in would
      // have the view redraw the paragraph's last span on every keystroke (measured: 100 of 100
      // keys, against 6 redraws, one per lint, when the new characters wait outside for the next lint).
      else decorations.push(Decoration.inline(span.from, span.to, attrs, spec));
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** The class that names a whole paragraph's finding: this prefix, then the key, URI-encoded (no spaces). */
export const BLOCK_KEY_PREFIX = 'lint-key:';

/** The textblock `span` covers entirely (its whole content), as a node range; null otherwise. */
function wholeTextblock(doc: PmNode, span: { from: number; to: number }): { from: number; to: number } | null {
  const $from = doc.resolve(span.from);
  if (!$from.parent.isTextblock || $from.depth === 0 || span.from !== $from.start() || span.to !== $from.end()) return null;
  return { from: $from.before(), to: $from.after() };
}

/** Same underlines at the same places (positions, classes, findings), in the same order. */
function sameDecorations(a: DecorationSet, b: DecorationSet, doc: PmNode): boolean {
  if (a === b) return true;
  const left = a.find(0, doc.content.size);
  const right = b.find(0, doc.content.size);
  if (left.length !== right.length) return false;
  return left.every((decoration, i) => {
    const other = right[i];
    const spec = decoration.spec as { findingKey?: string };
    const otherSpec = other?.spec as { findingKey?: string } | undefined;
    return other !== undefined && decoration.from === other.from && decoration.to === other.to && spec.findingKey === otherSpec?.findingKey;
  });
}

/** The plain text the networks receive, with where each character sits in the document. */
const plainTextOfDoc = (doc: PmNode): PlainTextMap => plainTextMap(doc.toJSON() as DocNode);

function lintedState(doc: PmNode, map: PlainTextMap, result: LintResult | null, durationMs: number, around: ShownRange | null): LintState {
  const decorations = result ? findingDecorations(doc, map, result.findings) : DecorationSet.empty;
  return { map, result, decorations, shown: shownUnderlines(decorations, doc, around), around, durationMs, stale: false };
}

/**
 * Plain text (as the networks receive it), lint, decorations: all of it, synchronously — or,
 * before the page has its own linter, null: the caller keeps the current state marked stale,
 * and the worker (or the page, once its linter is loaded) lints it.
 */
export function lintDocument(doc: PmNode, session: LintSession, around: ShownRange | null = null): LintState | null {
  const started = performance.now();
  const map = plainTextOfDoc(doc);
  const { line } = session;
  if (!line) return { ...lintedState(doc, map, null, 0, around), durationMs: performance.now() - started };
  const lint = pageLint();
  if (!lint) return null;
  const result = lint(map.text, line, session.context);
  return { ...lintedState(doc, map, result, 0, around), durationMs: performance.now() - started };
}

/** The state before any lint: no findings yet, a lint due. */
const notLinted = (doc: PmNode): LintState => ({ ...lintedState(doc, plainTextOfDoc(doc), null, 0, null), stale: true });

/** A lint run elsewhere (the worker) on `doc`, handed back to the plugin. */
export interface LintedElsewhere {
  doc: PmNode;
  line: LintSession['line'];
  map: PlainTextMap;
  result: LintResult | null;
  startedAt: number;
}

/**
 * Often the underlines the edits already moved are exactly the new ones: keeping the same set
 * spares the view a redraw (and its layout) just as the next key comes.
 */
function keepingUnchanged(next: LintState, current: LintState, doc: PmNode): LintState {
  if (!sameDecorations(next.shown, current.shown, doc)) return next;
  // All drawn (a short post): the set drawn is the whole set.
  return next.shown === next.decorations ? { ...next, decorations: current.shown, shown: current.shown } : { ...next, shown: current.shown };
}

/** The underlines and the part of the document they are drawn for, moved through an edit. */
function mappedThrough(value: LintState, tr: Transaction): LintState {
  const decorations = value.decorations.map(tr.mapping, tr.doc);
  const shown = value.shown === value.decorations ? decorations : value.shown.map(tr.mapping, tr.doc);
  return { ...value, decorations, shown, around: mapShownRange(value.around, tr.mapping) };
}

/** What the plugin does with the page around its view; none where there is no page (Node's tests and benches). */
export interface LintInPage {
  /** Keeps the drawn range following what the view shows (followShownRange.ts). */
  followShown: FollowShownRange;
  /** A redraw carrying the caret the page moved and the state has not read yet (caretFromPage.ts). */
  withCaretFromPage: (view: EditorView, tr: Transaction) => Transaction;
}

/** The page of each view the plugin runs in, for redraws dispatched from outside it (refreshLint). */
const pageOfView = new WeakMap<EditorView, LintInPage>();

/** Dispatches a redraw (no edit): with the page's caret, so a move not read yet is not undone. */
function dispatchRedraw(view: EditorView, tr: Transaction): void {
  const page = pageOfView.get(view);
  view.dispatch(page ? page.withCaretFromPage(view, tr) : tr);
}

const isShowing = (meta: unknown): meta is Showing => typeof meta === 'object' && meta !== null && 'showing' in meta;

/**
 * Lints the document on every change, against the session's line and context, and shows
 * the findings as decorations. A lint of a 3,000-character post against a 300-rule line
 * takes about a millisecond (bench/editorialLint.bench.ts): cheap, but not free next to a
 * bare keystroke, so in the editor it runs after the keystrokes (see LintTiming) and, with
 * the session's runner, in a worker: the page only maps underlines while keys come in.
 * `inPage` lets a long post draw only the underlines near what the editor shows, and keeps a
 * caret the page moved across a redraw; without it (tests in Node), all are drawn.
 */
export function editorialLintPlugin(session: LintSession, timing: LintTiming = SYNCHRONOUS, inPage: LintInPage | null = null): Plugin<LintState> {
  return new Plugin<LintState>({
    key: editorialLintKey,
    state: {
      init: (_config, state) => lintDocument(state.doc, session) ?? notLinted(state.doc),
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(editorialLintKey) as typeof REFRESH | LintedElsewhere | Showing | undefined;
        const current = tr.docChanged ? mappedThrough(value, tr) : value;
        if (meta === REFRESH || (tr.docChanged && timing.delayMs <= 0)) {
          const linted = lintDocument(state.doc, session, current.around);
          // The page's linter is not loaded: the lint is due, from the worker or once it is.
          if (!linted) return { ...current, stale: true };
          return keepingUnchanged(linted, current, state.doc);
        }
        if (isShowing(meta)) {
          const shown = shownUnderlines(current.decorations, state.doc, meta.showing);
          return { ...current, around: meta.showing, shown: sameDecorations(shown, current.shown, state.doc) ? current.shown : shown, stale: current.stale || tr.docChanged };
        }
        // A worker's lint counts only for the document and line it was run on, and only if
        // nothing newer (a refresh) came first.
        if (meta && value.stale && meta.doc === state.doc && meta.line === session.line) {
          const next = lintedState(state.doc, meta.map, meta.result, performance.now() - meta.startedAt, value.around);
          return keepingUnchanged(next, value, state.doc);
        }
        if (!tr.docChanged) return value;
        return { ...current, stale: true };
      },
    },
    props: {
      decorations: (state) => editorialLintKey.getState(state)?.shown ?? DecorationSet.empty,
    },
    view: (view) => {
      if (inPage) pageOfView.set(view, inPage);
      const initial = editorialLintKey.getState(view.state);
      if (initial) session.publish(initial);
      let timer: ReturnType<typeof setTimeout> | null = null;
      let firstStaleAt: number | null = null;
      let inFlight = false;
      let destroyed = false;
      const isStale = () => !destroyed && editorialLintKey.getState(view.state)?.stale === true;

      const lintElsewhere = async (runner: LintRunner) => {
        inFlight = true;
        const { doc } = view.state;
        const { line, context } = session;
        const startedAt = performance.now();
        const map = plainTextOfDoc(doc);
        const result = line ? await runner.lint(map.text, line, context) : null;
        const apply = () => {
          inFlight = false;
          if (isStale() && view.state.doc === doc) dispatchRedraw(view, lintedElsewhereTransaction(view.state, { doc, line, map, result, startedAt }));
          // Still stale: typed on, or the line changed, while this pass ran (a worker still starting
          // takes a while). A pass asked for meanwhile found this one in flight and let it be; unless
          // the pause after a keystroke is still to come, lint again now.
          if (isStale() && timer === null) run();
        };
        // At the start of a frame, so the redrawn underlines are laid out and painted in that very
        // frame, not left pending for the next one, where a keystroke would have to wait for them.
        if (scheduling.requestAnimationFrame) scheduling.requestAnimationFrame.call(globalThis, apply);
        else apply();
      };
      const run = () => {
        if (!isStale() || inFlight) return;
        if (session.runner) void lintElsewhere(session.runner);
        else if (pageLint()) refreshLint(view);
        else
          void loadPageLint().then(() => {
            if (isStale()) refreshLint(view);
          });
      };
      /** After a pause: in an idle period, so a keystroke already on its way is painted first. */
      const lintWhenIdle = () => {
        timer = null;
        if (scheduling.requestIdleCallback) scheduling.requestIdleCallback.call(globalThis, run, { timeout: 100 });
        else run();
      };
      /**
       * While typing on: just after this keystroke is on screen (a task queued from the frame's
       * animation callback runs once the frame is painted), when the next keystroke is furthest
       * off; the pass and its redraw are done before a typist's next key, most of the time.
       */
      const lintAfterThisKeystroke = () => void afterNextPaint(run);
      const shownRange = inPage?.followShown(
        view,
        () => editorialLintKey.getState(view.state)?.around ?? null,
        (showing) => {
          if (!destroyed) dispatchRedraw(view, showingTransaction(view.state, showing));
        },
      ) ?? { check: () => undefined, stop: () => undefined };
      // Opened before the page could lint: the first lint comes from the worker, after the pause.
      if (initial?.stale) timer = setTimeout(lintWhenIdle, timing.delayMs);
      return {
        update: (updated, previous) => {
          const next = editorialLintKey.getState(updated.state);
          const before = editorialLintKey.getState(previous);
          if (!next || next === before) return;
          // A post that just became long, or an edit that replaced much of it: measure what is shown.
          const grown = Math.abs(updated.state.doc.content.size - previous.doc.content.size) > DRAW_EVERY_UNDERLINE_UP_TO / 5;
          if (next.around === null || grown) shownRange.check();
          // Only what is drawn moved (the view said what it shows): no new lint to publish, none due.
          const onlyShownMoved = before !== undefined && next.around !== before.around && updated.state.doc === previous.doc && next.result === before.result && next.stale === before.stale;
          if (onlyShownMoved) return;
          if (!next.stale) {
            if (timer) clearTimeout(timer);
            timer = null;
            firstStaleAt = null;
            session.publish(next);
            return;
          }
          if (updated.state.doc !== previous.doc) session.edited();
          const now = performance.now();
          if (timer) clearTimeout(timer);
          firstStaleAt ??= now;
          timer = setTimeout(lintWhenIdle, timing.delayMs);
          if (now - firstStaleAt >= maxWaitFor(timing, next.map.text.length) && !inFlight) lintAfterThisKeystroke();
        },
        destroy: () => {
          destroyed = true;
          pageOfView.delete(view);
          shownRange.stop();
          if (timer) clearTimeout(timer);
        },
      };
    },
  });
}

/**
 * The lint of the current document, linting now if the last one is stale (before applying a
 * fix, say); undefined while it is stale and the page's linter is not loaded (see withFreshLint).
 */
export function freshLint(view: EditorView): LintState | undefined {
  if (editorialLintKey.getState(view.state)?.stale) refreshLint(view);
  const state = editorialLintKey.getState(view.state);
  return state?.stale ? undefined : state;
}

/** Runs `action` once the page can lint the current document itself: at once if it can already. */
export async function withFreshLint<T>(view: EditorView, action: () => T): Promise<T> {
  if (editorialLintKey.getState(view.state)?.stale && !pageLint()) await loadPageLint();
  return action();
}

/** Lints again after the line or the context changed (not a document change: no save, no undo step). */
export const refreshTransaction = (state: EditorState): Transaction =>
  state.tr.setMeta(editorialLintKey, REFRESH).setMeta('addToHistory', false);

/** Hands a worker's lint to the plugin; it counts only if the document and line are still those it linted. */
export const lintedElsewhereTransaction = (state: EditorState, linted: LintedElsewhere): Transaction =>
  state.tr.setMeta(editorialLintKey, linted).setMeta('addToHistory', false);

/** Tells the plugin the part of the document the view shows (with its margin): a long post draws the spans there. */
export const showingTransaction = (state: EditorState, showing: ShownRange): Transaction =>
  state.tr.setMeta(editorialLintKey, { showing } satisfies Showing).setMeta('addToHistory', false);

export function refreshLint(view: EditorView): void {
  dispatchRedraw(view, refreshTransaction(view.state));
}

export const lintStateOf = (state: EditorState): LintState | undefined => editorialLintKey.getState(state);
