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

/** What a figure must reach: a statistic of the samples under a bound, or its ratio to the baseline under a bound. */
export type Goal =
  | { statistic: 'median' | 'p95' | 'p99' | 'max'; below: number }
  | { statistic: 'median' | 'p95' | 'p99' | 'max'; ratioBelow: number };

export interface Measure {
  what: string;
  /** Milliseconds, one per run. */
  samples: number[];
  goal?: Goal;
  /** Measured in the same run, the same way, without the thing under test. */
  baseline?: { name: string; samples: number[] };
}

const statistic = (samples: number[], which: Goal['statistic']): number =>
  which === 'median' ? median(samples) : which === 'p95' ? percentile(samples, 95) : which === 'p99' ? percentile(samples, 99) : percentile(samples, 100);

/** The goal's verdict for a measure ('MET', 'MISSED', or '—' without a goal). */
export function verdict(measure: Measure): string {
  const { goal } = measure;
  if (!goal) return '—';
  const value = statistic(measure.samples, goal.statistic);
  if ('below' in goal) return value < goal.below ? 'MET' : 'MISSED';
  if (!measure.baseline) return 'MISSED (no baseline)';
  return value / statistic(measure.baseline.samples, goal.statistic) <= goal.ratioBelow ? 'MET' : 'MISSED';
}

function goalText(goal: Goal | undefined): string {
  if (!goal) return '—';
  return 'below' in goal ? `${goal.statistic} < ${ms(goal.below)}` : `${goal.statistic} ≤ ×${goal.ratioBelow.toFixed(2)} baseline`;
}

/**
 * One table for a benchmark file: each figure with its min, median, p95 and max, the same-run
 * baseline and ratio, the goal and the verdict. Benchmarks never fail on a figure; they say it.
 */
export function printTable(title: string, measures: Measure[]): void {
  const rows = measures.map((m) => {
    const stat = m.goal?.statistic ?? 'median';
    const ratio = m.baseline ? `×${(statistic(m.samples, stat) / statistic(m.baseline.samples, stat)).toFixed(2)} (${m.baseline.name}: ${ms(statistic(m.baseline.samples, stat))})` : '—';
    return [m.what, String(m.samples.length), ms(Math.min(...m.samples)), ms(median(m.samples)), ms(percentile(m.samples, 95)), ms(Math.max(...m.samples)), ratio, goalText(m.goal), verdict(m)];
  });
  const header = ['what', 'runs', 'min', 'median', 'p95', 'max', 'vs baseline', 'goal', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n## ${title}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  // A ratio goal's verdict from one run: how far resampling the same keys moves it says whether
  // the run could have gone the other way (blocks are alternated; keys within a block are not independent).
  for (const m of measures) {
    const goal = m.goal;
    if (!goal || !('ratioBelow' in goal) || !m.baseline || m.samples.length < 30 || m.baseline.samples.length < 30) continue;
    const [low, high] = bootstrapRatioInterval(m.samples, m.baseline.samples, (samples) => statistic(samples, goal.statistic), 1000);
    console.log(`${m.what}: ${goal.statistic} ratio, within-run 95 % bootstrap interval ×${low.toFixed(2)} – ×${high.toFixed(2)} (goal ≤ ×${goal.ratioBelow.toFixed(2)})`);
  }
}
