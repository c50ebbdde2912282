import { describe, expect, it, vi } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Post, PostSaveInput } from '../../../shared/posts/schema';
import { DraftSaver } from '../../../renderer/src/editor/draftSaver';
import { FRAME_MS, PAINTED_MS, stubFrames, useFakeClockAfterKeystrokes } from '../../support/fakeFrames';
import { afterKeystrokeFrame, afterKeystrokeOrPause, byDeadlineAfterKeystroke, KEYSTROKE_LEAD_MS, noteTyping, TYPING_PAUSE_MS } from '../../../renderer/src/ui/typingPace';

useFakeClockAfterKeystrokes();

describe('work paced to the keystrokes', () => {
  it('runs after the frame of the keystroke being typed is painted, not in its turn nor in its frame', () => {
    const frames = stubFrames();
    const ran: number[] = [];
    noteTyping();
    afterKeystrokeFrame(() => ran.push(Date.now()));
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(FRAME_MS);
    // The frame has run its callbacks, not yet painted.
    expect(frames).toHaveLength(1);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(PAINTED_MS - FRAME_MS);
    // In a task of its own queued from the frame: after the frame's style, layout and paint.
    expect(ran).toHaveLength(1);
  });

  it('between two keys, waits for the next keystroke’s frame', () => {
    stubFrames();
    noteTyping();
    vi.advanceTimersByTime(100);
    const ran: string[] = [];
    afterKeystrokeFrame(() => ran.push('task'));
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual([]);
    noteTyping();
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(PAINTED_MS);
    expect(ran).toEqual(['task']);
  });

  it('one frame per keystroke, however many wait for it', () => {
    const frames = stubFrames();
    const ran: number[] = [];
    noteTyping();
    for (let i = 0; i < 5; i++) afterKeystrokeFrame(() => ran.push(i));
    noteTyping();
    vi.advanceTimersByTime(PAINTED_MS);
    expect(frames).toHaveLength(1);
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('a cancelled task does not run', () => {
    stubFrames();
    noteTyping();
    const ran: string[] = [];
    const cancel = afterKeystrokeFrame(() => ran.push('task'));
    cancel();
    vi.advanceTimersByTime(PAINTED_MS);
    const cancelNext = afterKeystrokeFrame(() => ran.push('next'));
    cancelNext();
    noteTyping();
    vi.advanceTimersByTime(PAINTED_MS);
    expect(ran).toEqual([]);
  });

  it('what may also wait for the pause runs at once when nobody types, and at the pause when no key comes', () => {
    stubFrames();
    const ran: string[] = [];
    afterKeystrokeOrPause(() => ran.push('idle'));
    expect(ran).toEqual(['idle']);
    noteTyping();
    vi.advanceTimersByTime(PAINTED_MS);
    afterKeystrokeOrPause(() => ran.push('paused'));
    vi.advanceTimersByTime(TYPING_PAUSE_MS - PAINTED_MS - 1);
    expect(ran).toEqual(['idle']);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['idle', 'paused']);
  });

  it('a deadline task runs at its deadline when no key comes', () => {
    stubFrames();
    const ran: number[] = [];
    const start = Date.now();
    byDeadlineAfterKeystroke(() => ran.push(Date.now() - start), 700);
    vi.advanceTimersByTime(699);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([700]);
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual([700]);
  });

  it('a deadline task runs after the first keystroke’s frame within its lead, never before the lead nor twice', () => {
    const frames = stubFrames();
    const ran: number[] = [];
    const start = Date.now();
    byDeadlineAfterKeystroke(() => ran.push(Date.now() - start), 700);
    const advanceTo = (at: number) => vi.advanceTimersByTime(start + at - Date.now());
    // Keys every 90 ms: those at 90, 180, … 450 come before the lead (from 500 ms on).
    for (const at of [90, 180, 270, 360, 450]) {
      advanceTo(at);
      noteTyping();
    }
    advanceTo(540);
    expect(ran).toEqual([]);
    // The key at 540 is within the lead: the task goes once its frame is painted.
    noteTyping();
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(PAINTED_MS);
    expect(700 - KEYSTROKE_LEAD_MS).toBeLessThan(540);
    expect(ran).toEqual([540 + PAINTED_MS]);
    expect(frames.at(-1)).toBe(start + 540 + FRAME_MS);
    vi.advanceTimersByTime(1_000);
    expect(ran).toHaveLength(1);
  });

  it('a deadline task asked for during a keystroke, already within its lead, takes that keystroke’s frame', () => {
    stubFrames();
    const ran: string[] = [];
    noteTyping();
    byDeadlineAfterKeystroke(() => ran.push('sent'), KEYSTROKE_LEAD_MS - 50);
    vi.advanceTimersByTime(PAINTED_MS);
    expect(ran).toEqual(['sent']);
  });

  it('a cancelled deadline task does not run', () => {
    stubFrames();
    const ran: string[] = [];
    const cancel = byDeadlineAfterKeystroke(() => ran.push('sent'), 700);
    vi.advanceTimersByTime(600);
    cancel();
    noteTyping();
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual([]);
  });
});

describe('autosave while typing goes on', () => {
  it('sends each save just after a keystroke is on screen, at most 0.7 s after the first unsaved key', async () => {
    const frames = stubFrames();
    const sentAt: number[] = [];
    const stored = (version: number): Post => ({
      id: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11',
      partnerId: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11',
      title: '',
      note: '',
      networks: [],
      content: docFromParagraphs(['texte']),
      plainText: 'texte',
      versions: {},
      status: 'draft',
      version,
      revisionCount: 1,
      scheduledAt: null,
      scheduledZone: null,
      createdAt: 0,
      updatedAt: Date.now(),
    });
    const saver: DraftSaver = new DraftSaver({
      postId: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11',
      baseVersion: 1,
      readContent: () => docFromParagraphs(['texte']),
      save: (input: PostSaveInput) => {
        sentAt.push(Date.now());
        return Promise.resolve(stored(input.baseVersion + 1));
      },
      keepRevision: () => Promise.resolve(stored(1)),
      onSaved: () => undefined,
      onStatus: () => undefined,
      policy: { quietMs: 300, maxWaitMs: 700 },
      revisionPolicy: { pauseMs: 30_000 },
      scheduleSave: byDeadlineAfterKeystroke,
    });
    // Three seconds of keys 110 ms apart, as the page calls them: typing noted, then the edit.
    const keys: number[] = [];
    for (let at = 0; at < 3_000; at += 110) {
      keys.push(Date.now());
      noteTyping();
      saver.contentChanged();
      await vi.advanceTimersByTimeAsync(110);
    }
    expect(sentAt.length).toBeGreaterThanOrEqual(4);
    for (const sent of sentAt) {
      // Right after a keystroke's frame, which came one display refresh after its key.
      expect(frames).toContain(sent - (PAINTED_MS - FRAME_MS));
      expect(keys).toContain(sent - PAINTED_MS);
    }
    // Each save within 0.7 s of the first key it carries (the first after the save before it).
    sentAt.forEach((sent, i) => {
      const firstUnsaved = keys.find((key) => key > (sentAt[i - 1] ?? Number.NEGATIVE_INFINITY)) ?? Number.NaN;
      expect(sent - firstUnsaved).toBeLessThanOrEqual(700);
    });
    saver.dispose();
  });
});
