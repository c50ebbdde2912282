/**
 * When the user last typed (the post's body, a field), for what should wait for the next key or
 * for the pause rather than draw a frame of its own between two keys. A frame drawn just before
 * a keystroke makes that keystroke wait for the next one (the browser draws at most one per
 * display refresh): in traces of the real editor page, most of the slowest keys had come a few
 * milliseconds after such a frame (bench/editorPage.bench.ts).
 */
export const TYPING_PAUSE_MS = 400;

let typedAt = Number.NEGATIVE_INFINITY;
const keystrokeListeners = new Set<() => void>();

/** A key typed in the editor or a field; what waits for the next key is done now, in its frame. */
export function noteTyping(): void {
  typedAt = Date.now();
  for (const listener of [...keystrokeListeners]) listener();
}

/** How long until typing counts as paused, from `now`: 0 once it has. */
export const typingPauseLeft = (now = Date.now()): number => Math.max(0, typedAt + TYPING_PAUSE_MS - now);

/** Calls `listener` at every keystroke until the returned function is called. */
function onKeystroke(listener: () => void): () => void {
  keystrokeListeners.add(listener);
  return () => keystrokeListeners.delete(listener);
}

/**
 * Runs `show` at the next keystroke (in that keystroke's own frame) or once typing pauses,
 * whichever comes first; at once when nobody is typing. The returned function cancels it.
 */
export function atNextKeystrokeOrPause(show: () => void): () => void {
  if (typingPauseLeft() === 0) {
    show();
    return () => undefined;
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  let done = false;
  const stop = () => {
    done = true;
    stopKeys();
    if (timer !== null) clearTimeout(timer);
  };
  const run = () => {
    if (done) return;
    stop();
    show();
  };
  const stopKeys = onKeystroke(run);
  const waitForPause = () => {
    const left = typingPauseLeft();
    if (left === 0) run();
    else timer = setTimeout(waitForPause, left);
  };
  waitForPause();
  return stop;
}
