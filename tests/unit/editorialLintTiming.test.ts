import { describe, expect, it } from 'vitest';
import { EDITOR_TIMING, LONG_TEXT, maxWaitFor } from '../../renderer/src/editor/lint/lintPlugin';

describe('how often the editor lints while someone types on without pausing', () => {
  it('lints a post of any network size as often as before (every two seconds)', () => {
    expect(maxWaitFor(EDITOR_TIMING, 0)).toBe(EDITOR_TIMING.maxWaitMs);
    expect(maxWaitFor(EDITOR_TIMING, 3_000)).toBe(EDITOR_TIMING.maxWaitMs);
    expect(maxWaitFor(EDITOR_TIMING, LONG_TEXT)).toBe(EDITOR_TIMING.maxWaitMs);
  });

  it('spaces passes out in proportion to a longer text, up to three times as long', () => {
    expect(maxWaitFor(EDITOR_TIMING, 2 * LONG_TEXT)).toBe(2 * EDITOR_TIMING.maxWaitMs);
    expect(maxWaitFor(EDITOR_TIMING, 30_000)).toBe(3 * EDITOR_TIMING.maxWaitMs);
  });
});
