import type { LintSession } from './lint/lintSession';
import { PushedTimer } from '../ui/pushedTimer';

/** How long typing pauses before the draft counts as settled. */
export const PAUSE_MS = 400;

export const liveText = (session: LintSession): string | null => {
  const snapshot = session.getSnapshot();
  return snapshot.result ? snapshot.map.text : null;
};

/**
 * Follows the session's plain text and hands over a text only once typing pauses (the first
 * one at once); a lint pass that leaves the text as it was (a new line, new networks) restarts
 * nothing. Returns the unsubscribe. Outside React, so a pass while typing renders nothing.
 * The pause is one in typing, not between lint passes: while keys keep coming, passes come
 * every few seconds, and a text handed over after each re-rendered the editor page and asked
 * core for its voice score and near-duplicates under the keys.
 */
export function followSettledText(session: LintSession, onSettled: (text: string | null) => void, pauseMs = PAUSE_MS): () => void {
  let live = liveText(session);
  let first = live === null;
  let pending: string | null = null;
  /** The text waiting is one typed (not the first, handed over at once). */
  let waitsForPause = false;
  // Pushed back by each key without a new browser timer each time (ui/pushedTimer.ts).
  const timer = new PushedTimer(() => onSettled(pending));
  const settle = (text: string | null, delay: number) => {
    pending = text;
    waitsForPause = delay > 0;
    timer.in(delay);
  };
  // A text that came before this subscription.
  settle(live, 0);
  const unsubscribe = session.subscribe(() => {
    const next = liveText(session);
    if (next === live) return;
    live = next;
    settle(next, first ? 0 : pauseMs);
    if (next !== null) first = false;
  });
  // Typing on: a text waiting for the pause waits longer.
  const stopEdits = session.onEdit(() => {
    if (timer.pending && waitsForPause) settle(pending, pauseMs);
  });
  return () => {
    unsubscribe();
    stopEdits();
    timer.cancel();
  };
}
