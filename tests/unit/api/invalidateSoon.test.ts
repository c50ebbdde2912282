import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { invalidateSoon, TYPING_HOLD_MAX_MS } from '../../../renderer/src/api/invalidateSoon';
import { noteTyping, TYPING_PAUSE_MS } from '../../../renderer/src/ui/typingPace';
import { clockAfterEarlierKeystrokes } from '../../support/fakeFrames';

const KEY = ['posts'] as const;

/** A cached read, as a page holds one; `stale()` says whether an event's refetch reached it. */
function cachedRead() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(KEY, 'stored');
  return { queryClient, stale: () => queryClient.getQueryState(KEY)?.isInvalidated === true };
}

describe('event-driven refetches while someone types (each autosave announces the post saved)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Well after any keystroke noted by an earlier test (invalidateSoon holds its batch while typing).
    clockAfterEarlierKeystrokes();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('go out after the batch delay when nobody is typing', () => {
    const { queryClient, stale } = cachedRead();
    invalidateSoon(queryClient, KEY);
    expect(stale()).toBe(false);
    vi.advanceTimersByTime(150);
    expect(stale()).toBe(true);
  });

  it('wait while keys keep coming, then go out once typing pauses', () => {
    const { queryClient, stale } = cachedRead();
    noteTyping();
    invalidateSoon(queryClient, KEY);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(100);
      noteTyping();
    }
    expect(stale()).toBe(false);
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(stale()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(stale()).toBe(true);
  });

  it('are never held longer than the hold limit, however long typing goes on', () => {
    const { queryClient, stale } = cachedRead();
    noteTyping();
    invalidateSoon(queryClient, KEY);
    for (let elapsed = 0; elapsed < TYPING_HOLD_MAX_MS - 100; elapsed += 100) {
      vi.advanceTimersByTime(100);
      noteTyping();
    }
    expect(stale()).toBe(false);
    vi.advanceTimersByTime(100);
    noteTyping();
    expect(stale()).toBe(true);
  });
});
