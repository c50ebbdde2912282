import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../../shared/reports/percentile';

describe('percentile (linear between closest ranks, as Excel PERCENTILE.INC)', () => {
  it('gives the middle value, or the mean of the two middle ones, as the median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates the 90th percentile: 1…10 → 9.1', () => {
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBeCloseTo(9.1, 10);
  });

  it('returns the only value for one sample, the extremes at 0 and 100, and null for none', () => {
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 100)).toBe(9);
    expect(percentile([], 50)).toBeNull();
  });
});
