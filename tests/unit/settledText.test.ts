import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LintSession } from '../../renderer/src/editor/lint/lintSession';
import { followSettledText, PAUSE_MS } from '../../renderer/src/editor/settledText';

/** A lint pass over `text`, as the editor's plugin publishes it. */
const pass = (session: LintSession, text: string) =>
  session.publish({ map: { text, positions: [] }, result: { lineVersion: { organisation: 1, partner: null }, findings: [] }, durationMs: 1 });

describe('the draft text the panels compare (voice, near-duplicates, threads)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands over nothing while lint passes come during typing, then the last text once typing pauses', () => {
    const session = new LintSession();
    const settled: (string | null)[] = [];
    const stop = followSettledText(session, (text) => settled.push(text));
    pass(session, 'Bonjour');
    vi.advanceTimersByTime(0);
    expect(settled).toEqual(['Bonjour']);

    pass(session, 'Bonjour à');
    vi.advanceTimersByTime(PAUSE_MS - 1);
    pass(session, 'Bonjour à tous');
    vi.advanceTimersByTime(PAUSE_MS - 1);
    expect(settled).toEqual(['Bonjour']);
    vi.advanceTimersByTime(1);
    expect(settled).toEqual(['Bonjour', 'Bonjour à tous']);
    stop();
  });

  it('does not restart the pause for a pass that leaves the text as it was (a new line, new networks)', () => {
    const session = new LintSession();
    pass(session, 'Bonjour');
    const settled: (string | null)[] = [];
    const stop = followSettledText(session, (text) => settled.push(text));
    vi.advanceTimersByTime(0);
    pass(session, 'Bonjour');
    vi.advanceTimersByTime(PAUSE_MS);
    expect(settled).toEqual(['Bonjour']);
    stop();
  });
});
