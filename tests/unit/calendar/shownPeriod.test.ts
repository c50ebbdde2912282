import { describe, expect, it } from 'vitest';
import { nextShown } from '../../../renderer/src/calendar/shownPeriod';
import type { Period } from '../../../renderer/src/calendar/shownPeriod';

const shown: Period = { view: 'week', anchor: '2026-06-01' };

describe('the calendar keeps the period it shows until the asked one can be drawn with its posts', () => {
  it('keeps the shown period while the next one is not answered', () => {
    expect(nextShown(shown, { view: 'week', anchor: '2026-06-08' }, false)).toBe(shown);
    expect(nextShown(shown, { view: 'month', anchor: '2026-06-01' }, false)).toBe(shown);
  });

  it('shows the asked period once it is answered (or waited for long enough)', () => {
    const asked: Period = { view: 'week', anchor: '2026-06-08' };
    expect(nextShown(shown, asked, true)).toBe(asked);
  });

  it('returns the shown period itself when the address asks for it again, so nothing is drawn again', () => {
    expect(nextShown(shown, { view: 'week', anchor: '2026-06-01' }, false)).toBe(shown);
    expect(nextShown(shown, { view: 'week', anchor: '2026-06-01' }, true)).toBe(shown);
  });
});
