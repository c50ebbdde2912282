import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PacedSaveStatus, SaveStatusStore } from '../../renderer/src/editor/saveStatus';
import { noteTyping, TYPING_PAUSE_MS } from '../../renderer/src/ui/typingPace';
import { FRAME_MS, PAINTED_MS, stubFrames, useFakeClockAfterKeystrokes } from '../support/fakeFrames';

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
  useFakeClockAfterKeystrokes();
  beforeEach(() => {
    stubFrames();
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

  it('draws a keystroke’s unsaved mark once that keystroke is on screen, not in its own frame', () => {
    const { store, paced, drawn } = label();
    noteTyping();
    store.setStatus('dirty');
    expect(drawn).toEqual([]);
    expect(paced.getSnapshot().status).toBe('clean');
    vi.advanceTimersByTime(FRAME_MS);
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(PAINTED_MS - FRAME_MS);
    expect(drawn).toEqual(['dirty']);
  });

  it('holds a save’s saving and saved while keys come, and draws the latest after the next keystroke’s frame', () => {
    const { store, paced, drawn } = label();
    noteTyping();
    store.setStatus('dirty');
    vi.advanceTimersByTime(100);
    store.setStatus('saving');
    store.setSavedAt(2_000);
    store.setStatus('clean');
    // Between two keys: nothing drawn of the save.
    vi.advanceTimersByTime(100);
    expect(drawn).toEqual(['dirty']);
    // The next key makes the post unsaved again: drawn once, with the save's time, after its frame.
    noteTyping();
    store.setStatus('dirty');
    expect(drawn).toEqual(['dirty']);
    vi.advanceTimersByTime(PAINTED_MS);
    expect(drawn).toEqual(['dirty', 'dirty']);
    expect(paced.getSnapshot()).toEqual({ status: 'dirty', error: null, savedAt: 2_000 });
  });

  it('draws the held step once typing pauses', () => {
    const { store, drawn } = label();
    noteTyping();
    vi.advanceTimersByTime(PAINTED_MS);
    store.setStatus('saving');
    store.setStatus('clean');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - PAINTED_MS - 1);
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
    // The held "saving" was dropped: nothing more comes after the frame or at the pause.
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
