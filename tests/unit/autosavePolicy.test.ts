import { describe, expect, it } from 'vitest';
import { cleanState, markEdited, saveDueAt } from '../../shared/posts/autosave';

const policy = { quietMs: 300, maxWaitMs: 700 };

describe('autosave timing', () => {
  it('has nothing to save when clean', () => {
    expect(saveDueAt(cleanState, policy)).toBeNull();
  });

  it('saves shortly after a single keystroke', () => {
    expect(saveDueAt(markEdited(cleanState, 1000), policy)).toBe(1300);
  });

  it('still saves within maxWait while typing never pauses', () => {
    let state = cleanState;
    for (let t = 0; t <= 2000; t += 50) state = markEdited(state, t);
    // first unsaved keystroke at 0 → due at 700 even though typing went on to 2000
    expect(saveDueAt(state, policy)).toBe(700);
  });

  it('keeps the first dirty instant across later edits', () => {
    const state = markEdited(markEdited(cleanState, 100), 250);
    expect(state).toEqual({ firstDirtyAt: 100, lastEditAt: 250 });
    expect(saveDueAt(state, policy)).toBe(550);
  });

  it('the default policy bounds loss to under a second', async () => {
    const { defaultAutosavePolicy } = await import('../../shared/posts/autosave');
    expect(defaultAutosavePolicy.maxWaitMs).toBeLessThan(1000);
    expect(defaultAutosavePolicy.quietMs).toBeLessThanOrEqual(defaultAutosavePolicy.maxWaitMs);
  });
});
