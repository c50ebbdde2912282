import { describe, expect, it } from 'vitest';
import { defaultAutosavePolicy } from '../../../shared/posts/autosave';
import { defaultRevisionPolicy, pausedSince, revisionsForAutosave, revisionsForCheckpoint, revisionsForRestore } from '../../../shared/posts/revisionPolicy';

const policy = { pauseMs: 30_000 };
const notKept = { storedIsNewestRevision: false, lastSavedAt: 1_000 };
const kept = { storedIsNewestRevision: true, lastSavedAt: 1_000 };

describe('when a save becomes a revision', () => {
  it('an autosave soon after the previous one keeps nothing', () => {
    expect(revisionsForAutosave(notKept, 1_000 + defaultAutosavePolicy.maxWaitMs, policy)).toEqual({ keepStored: false, keepWritten: false });
    expect(revisionsForAutosave(notKept, 1_000 + policy.pauseMs - 1, policy)).toEqual({ keepStored: false, keepWritten: false });
  });

  it('an autosave after a pause keeps the text that stood through it', () => {
    expect(revisionsForAutosave(notKept, 1_000 + policy.pauseMs, policy)).toEqual({ keepStored: true, keepWritten: false });
  });

  it('a pause over a text already kept keeps nothing more', () => {
    expect(revisionsForAutosave(kept, 1_000 + 10 * policy.pauseMs, policy)).toEqual({ keepStored: false, keepWritten: false });
  });

  it('a checkpoint (pause, leave, Ctrl+S, sign-off request, publication) keeps the stored text unless it is the newest revision', () => {
    expect(revisionsForCheckpoint(notKept)).toEqual({ keepStored: true, keepWritten: false });
    expect(revisionsForCheckpoint(kept)).toEqual({ keepStored: false, keepWritten: false });
  });

  it('a restore always keeps the restored text, and the replaced one unless already kept', () => {
    expect(revisionsForRestore(notKept)).toEqual({ keepStored: true, keepWritten: true });
    expect(revisionsForRestore(kept)).toEqual({ keepStored: false, keepWritten: true });
  });

  it('the default pause is far longer than autosave’s pacing, so typing never counts as pausing', () => {
    expect(defaultRevisionPolicy.pauseMs).toBeGreaterThan(10 * defaultAutosavePolicy.maxWaitMs);
    expect(pausedSince(0, defaultRevisionPolicy.pauseMs)).toBe(true);
    expect(pausedSince(0, defaultRevisionPolicy.pauseMs - 1)).toBe(false);
  });
});
