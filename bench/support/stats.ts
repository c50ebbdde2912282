/** Small helpers so every benchmark prints figures the same way: value, baseline, ratio. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (samples: number[]): number => percentile(samples, 50);

export function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

/** One line: what, the figure, the same-run baseline, the ratio, and the goal if there is one. */
export function report(what: string, value: number, baselineName: string, baseline: number, goal?: string): void {
  const ratio = baseline > 0 ? value / baseline : Number.NaN;
  console.log(`${what.padEnd(46)} ${ms(value).padStart(11)}   baseline ${baselineName}: ${ms(baseline)}   ratio ×${ratio.toFixed(2)}${goal ? `   goal ${goal}` : ''}`);
}

/**
 * A 95% interval for `statistic(a) / statistic(b)` by bootstrap: both sample sets drawn again with
 * replacement, `rounds` times, from a seeded generator (the same figures on a re-run of the same data).
 */
export function bootstrapRatioInterval(a: number[], b: number[], statistic: (samples: number[]) => number, rounds = 2000, seed = 1): [number, number] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const resample = (samples: number[]) => samples.map(() => samples[Math.floor(random() * samples.length)] ?? Number.NaN);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) ratios.push(statistic(resample(a)) / statistic(resample(b)));
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}
