import type { PillarTarget } from './input';
import type { PillarMix, PillarRow } from './model';

/**
 * The pillar (theme) mix of the month's published posts — each post once, however many
 * networks it went to — against the target shares. Target pillars come first, in the line's
 * order, then other pillars by count; posts without a pillar last.
 */
export function pillarMix(pillarsOfPublishedPosts: readonly (string | null)[], targets: readonly PillarTarget[]): PillarMix {
  const basis = pillarsOfPublishedPosts.length;
  const counts = new Map<string | null, number>();
  for (const pillar of pillarsOfPublishedPosts) counts.set(pillar, (counts.get(pillar) ?? 0) + 1);
  const row = (pillar: string | null, target: number | null): PillarRow => {
    const n = counts.get(pillar) ?? 0;
    return { pillar, count: n, share: basis === 0 ? 0 : n / basis, target };
  };
  const targeted = new Set(targets.map((t) => t.pillar));
  const others = [...counts]
    .filter(([pillar]) => pillar !== null && !targeted.has(pillar))
    .sort(([a, m], [b, n]) => n - m || String(a).localeCompare(String(b)))
    .map(([pillar]) => row(pillar, null));
  const rows = [...targets.map((t) => row(t.pillar, t.share)), ...others, ...(counts.has(null) ? [row(null, null)] : [])];
  return { basis, hasTargets: targets.length > 0, rows };
}

/** Pools several partners' mixes (targets differ per partner, so none are kept). */
export function poolPillarMixes(mixes: readonly PillarMix[]): PillarMix {
  const pillars: (string | null)[] = [];
  for (const mix of mixes) for (const r of mix.rows) for (let i = 0; i < r.count; i++) pillars.push(r.pillar);
  return pillarMix(pillars, []);
}
