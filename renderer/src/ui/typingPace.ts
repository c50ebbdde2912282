import { scheduling } from './browserScheduling';

/**
 * When the user last typed (the post's body, a field), for what should stay off the keystrokes'
 * frames. A keystroke is on screen a few milliseconds after its key; a typist's next key comes
 * 40 ms or more later. Work done in a keystroke's own frame (a label drawn, a save sent) delays
 * that keystroke; work done just before a keystroke makes it wait (the browser draws at most one
 * frame per display refresh). Just after a keystroke's frame is painted is when the next key is
 * furthest off: what can wait is done then (bench/editorPage.bench.ts).
 */
export const TYPING_PAUSE_MS = 400;

let typedAt = Number.NEGATIVE_INFINITY;
/** What waits for the next keystroke. */
const nextKeystroke = new Set<() => void>();
/** What waits for the frame of the keystroke being typed to be painted. */
let afterThisFrame: (() => void)[] = [];
/** A keystroke was noted and its frame has not begun yet. */
let keystrokeFramePending = false;

/** Runs what waited for the current keystroke's frame, once that frame is painted. */
function runAfterPaint(): void {
  keystrokeFramePending = false;
  const due = afterThisFrame;
  afterThisFrame = [];
  // A task queued from the frame's animation callback runs once that frame is painted.
  if (due.length > 0) setTimeout(() => due.forEach((task) => task()), 0);
}

/** A key typed in the editor or a field. */
export function noteTyping(): void {
  typedAt = Date.now();
  const requestFrame = scheduling.requestAnimationFrame;
  if (requestFrame && !keystrokeFramePending) {
    keystrokeFramePending = true;
    requestFrame.call(globalThis, runAfterPaint);
  }
  for (const listener of [...nextKeystroke]) listener();
}

/** How long until typing counts as paused, from `now`: 0 once it has. */
export const typingPauseLeft = (now = Date.now()): number => Math.max(0, typedAt + TYPING_PAUSE_MS - now);

/**
 * Runs `task` once the frame of the keystroke being typed is painted, or, between two keys, of
 * the next one. Outside a browser (no frames), at that keystroke. The returned function cancels it.
 */
export function afterKeystrokeFrame(task: () => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) task();
  };
  const queue = () => {
    if (keystrokeFramePending) afterThisFrame.push(run);
    else run();
  };
  const onKey = () => {
    nextKeystroke.delete(onKey);
    queue();
  };
  if (keystrokeFramePending) queue();
  else nextKeystroke.add(onKey);
  return () => {
    cancelled = true;
    nextKeystroke.delete(onKey);
  };
}

/**
 * Runs `task` just after a keystroke's frame (see afterKeystrokeFrame) or once typing pauses,
 * whichever comes first; at once when nobody is typing. The returned function cancels it.
 */
export function afterKeystrokeOrPause(task: () => void): () => void {
  if (typingPauseLeft() === 0) {
    task();
    return () => undefined;
  }
  let done = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    done = true;
    stopWaiting();
    if (timer !== null) clearTimeout(timer);
  };
  const run = () => {
    if (done) return;
    stop();
    task();
  };
  const stopWaiting = afterKeystrokeFrame(run);
  const waitForPause = () => {
    const left = typingPauseLeft();
    if (left === 0) run();
    else timer = setTimeout(waitForPause, left);
  };
  waitForPause();
  return stop;
}

/**
 * How early before its deadline a task paced by `byDeadlineAfterKeystroke` may run: about two
 * keystrokes of a steady typist, so one nearly always comes within it.
 */
export const KEYSTROKE_LEAD_MS = 200;

/**
 * Runs `task` within `ms` and never later: in the last `leadMs` before then, just after a
 * keystroke's frame is painted if one comes (continuous typing), else at the deadline (a pause).
 * An autosave paced so sends its text while the next key is furthest off, not in the middle
 * of one. The returned function cancels it.
 */
export function byDeadlineAfterKeystroke(task: () => void, ms: number, leadMs = KEYSTROKE_LEAD_MS): () => void {
  let done = false;
  let stopWaiting: (() => void) | null = null;
  const run = () => {
    if (done) return;
    cancel();
    task();
  };
  const deadline = setTimeout(run, ms);
  let early: ReturnType<typeof setTimeout> | null = null;
  // Already within the lead (asked for during a keystroke): this keystroke's frame will do.
  if (ms <= leadMs) stopWaiting = afterKeystrokeFrame(run);
  else
    early = setTimeout(() => {
      stopWaiting = afterKeystrokeFrame(run);
    }, ms - leadMs);
  const cancel = () => {
    done = true;
    clearTimeout(deadline);
    if (early !== null) clearTimeout(early);
    stopWaiting?.();
  };
  return cancel;
}
