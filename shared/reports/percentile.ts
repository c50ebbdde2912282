/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks — the method of
 * Excel's PERCENTILE.INC and R's default (type 7) — so the median of an even count is the mean
 * of the two middle values, as a reader expects. For sorted values x₀…xₙ₋₁: h = (n − 1)·p/100,
 * result = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * Math.min(100, Math.max(0, p))) / 100;
  const low = Math.floor(h);
  const lower = sorted[low] ?? 0;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower;
  return lower + (h - low) * (upper - lower);
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);
