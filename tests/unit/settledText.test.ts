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

describe('the pause the draft text waits for is one in typing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands nothing over while keys keep coming between lint passes seconds apart, then the last text once typing pauses', () => {
    const session = new LintSession();
    const settled: (string | null)[] = [];
    const stop = followSettledText(session, (text) => settled.push(text));
    pass(session, 'Bonjour');
    vi.advanceTimersByTime(0);
    // Typing on for six seconds, a key every 100 ms, a pass every two seconds (the editor's maxWait).
    let typed = 'Bonjour';
    for (let ms = 100; ms <= 6_000; ms += 100) {
      session.edited();
      typed += 'x';
      if (ms % 2_000 === 0) pass(session, typed);
      vi.advanceTimersByTime(100);
    }
    expect(settled).toEqual(['Bonjour']);
    vi.advanceTimersByTime(PAUSE_MS);
    expect(settled).toEqual(['Bonjour', typed.slice(0, 'Bonjour'.length + 60)]);
    stop();
  });

  it('still hands the first text over at once, whatever is typed meanwhile', () => {
    const session = new LintSession();
    const settled: (string | null)[] = [];
    const stop = followSettledText(session, (text) => settled.push(text));
    pass(session, 'Bonjour');
    session.edited();
    vi.advanceTimersByTime(0);
    expect(settled).toEqual(['Bonjour']);
    stop();
  });
});
