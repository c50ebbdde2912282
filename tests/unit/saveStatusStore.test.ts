import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacedSaveStatus, SaveStatusStore } from '../../renderer/src/editor/saveStatus';
import { noteTyping, TYPING_PAUSE_MS } from '../../renderer/src/ui/typingPace';

describe('the editor’s save status', () => {
  it('tells its label once per change: every keystroke’s "dirty" after the first one renders nothing', () => {
    const store = new SaveStatusStore(1_000);
    let notified = 0;
    store.subscribe(() => notified++);
    for (let key = 0; key < 20; key++) store.setStatus('dirty');
    expect(notified).toBe(1);
    store.setStatus('saving');
    store.setSavedAt(2_000);
    store.setStatus('clean');
    expect(notified).toBe(4);
    expect(store.getSnapshot()).toEqual({ status: 'clean', error: null, savedAt: 2_000 });
  });
});

describe('what the save label shows while keys come', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Well after any keystroke noted by an earlier test.
    vi.setSystemTime(Date.now() + 3_600_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function label() {
    const store = new SaveStatusStore(1_000);
    const paced = new PacedSaveStatus(store);
    const drawn: string[] = [];
    const stop = paced.subscribe(() => drawn.push(paced.getSnapshot().status));
    return { store, paced, drawn, stop };
  }

  it('shows each step at once when nobody is typing', () => {
    const { store, drawn } = label();
    store.setStatus('dirty');
    store.setStatus('saving');
    store.setStatus('clean');
    expect(drawn).toEqual(['dirty', 'saving', 'clean']);
  });

  it('holds a save’s saving and saved while keys come, and draws the latest at the next keystroke, in its own turn', () => {
    const { store, paced, drawn } = label();
    noteTyping();
    store.setStatus('dirty');
    vi.advanceTimersByTime(100);
    store.setStatus('saving');
    store.setSavedAt(2_000);
    store.setStatus('clean');
    // Between two keys: nothing drawn of the save.
    expect(drawn).toEqual(['dirty']);
    expect(paced.getSnapshot().status).toBe('dirty');
    // The next key: the save's outcome, then that key's own unsaved mark, in the same turn.
    noteTyping();
    expect(paced.getSnapshot()).toEqual({ status: 'clean', error: null, savedAt: 2_000 });
    store.setStatus('dirty');
    expect(drawn).toEqual(['dirty', 'clean', 'dirty']);
  });

  it('draws the held step once typing pauses', () => {
    const { store, drawn } = label();
    noteTyping();
    store.setStatus('saving');
    store.setStatus('clean');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(drawn).toEqual(['clean']);
  });

  it('shows a retry, a refusal or a conflict at once, even mid-typing', () => {
    const { store, paced, drawn } = label();
    noteTyping();
    store.setStatus('saving');
    const full = new Error('disk full');
    store.setStatus('retrying', full);
    expect(paced.getSnapshot()).toEqual({ status: 'retrying', error: full, savedAt: 1_000 });
    store.setStatus('conflict');
    expect(drawn).toEqual(['retrying', 'conflict']);
    // The held "saving" was dropped: nothing more comes at the pause.
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(drawn).toEqual(['retrying', 'conflict']);
  });

  it('stops following the save once the label is gone', () => {
    const { store, drawn, stop } = label();
    noteTyping();
    store.setStatus('saving');
    stop();
    noteTyping();
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    store.setStatus('retrying');
    expect(drawn).toEqual([]);
  });
});
