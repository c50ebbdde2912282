import { describe, expect, it } from 'vitest';
import { TOKEN_LIFETIME_WITHOUT_DEADLINE_MS, defaultDeadline, tokenExpiry } from '../../../shared/signoff/deadline';
import { MIN_GAP_AFTER_REQUEST_MS, dueReminder, isLastReminder } from '../../../shared/signoff/reminders';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 9, 0);

describe('the default sign-off deadline', () => {
  it('is the partner’s lead time before publication', () => {
    expect(defaultDeadline(NOW + 72 * HOUR, 24 * 60, NOW)).toBe(NOW + 48 * HOUR);
  });

  it('falls back to the publication time itself when the lead time has already begun', () => {
    expect(defaultDeadline(NOW + 10 * HOUR, 24 * 60, NOW)).toBe(NOW + 10 * HOUR);
    expect(defaultDeadline(NOW + 24 * HOUR, 24 * 60, NOW)).toBe(NOW + 24 * HOUR);
  });

  it('does not exist for a post without a publication time', () => {
    expect(defaultDeadline(null, 24 * 60, NOW)).toBeNull();
  });
});

describe('token expiry', () => {
  it('is the deadline, or a month after the request without one', () => {
    expect(tokenExpiry(NOW + HOUR, NOW)).toBe(NOW + HOUR);
    expect(tokenExpiry(null, NOW)).toBe(NOW + TOKEN_LIFETIME_WITHOUT_DEADLINE_MS);
  });
});

describe('reminders', () => {
  const request = { createdAt: NOW, deadlineAt: NOW + 72 * HOUR, level: 0 };

  it('none before 24 h remain, the first at 24 h, the last at 2 h', () => {
    expect(dueReminder(request, NOW + 47 * HOUR)).toBeNull();
    expect(dueReminder(request, NOW + 48 * HOUR)).toBe(1);
    expect(dueReminder({ ...request, level: 1 }, NOW + 60 * HOUR)).toBeNull();
    expect(dueReminder({ ...request, level: 1 }, NOW + 70 * HOUR)).toBe(2);
    expect(isLastReminder(2)).toBe(true);
    expect(isLastReminder(1)).toBe(false);
  });

  it('never after the deadline, never twice, never without a deadline', () => {
    expect(dueReminder(request, NOW + 72 * HOUR)).toBeNull();
    expect(dueReminder({ ...request, level: 2 }, NOW + 71 * HOUR)).toBeNull();
    expect(dueReminder({ ...request, deadlineAt: null }, NOW + 71 * HOUR)).toBeNull();
  });

  it('after an offline spell only the most urgent one goes, not a burst', () => {
    expect(dueReminder(request, NOW + 71 * HOUR)).toBe(2);
  });

  it('skips a reminder that would follow the request too closely', () => {
    // Requested 23.5 h before the deadline: the 24 h reminder is already past, the 2 h one is due later.
    const late = { createdAt: NOW, deadlineAt: NOW + 23.5 * HOUR, level: 0 };
    expect(dueReminder(late, NOW + 10 * 60_000)).toBeNull();
    expect(dueReminder(late, NOW + 21.5 * HOUR)).toBe(2);
    // Requested 2.5 h before: the 2 h reminder would come 30 min after the request, under the minimum gap.
    const tight = { createdAt: NOW, deadlineAt: NOW + 2.5 * HOUR, level: 0 };
    expect(MIN_GAP_AFTER_REQUEST_MS).toBe(HOUR);
    expect(dueReminder(tight, NOW + 0.5 * HOUR)).toBeNull();
  });
});
