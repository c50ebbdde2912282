import type { Network } from '../../posts/networks';
import type { RawFinding, Report } from './types';

/** One network's way of reading links, mentions or hashtags; `network` null: the other networks'. */
export interface Reading<T> {
  network: Network | null;
  entities: () => readonly T[];
}

/**
 * The readings a post to `networks` needs: `others` (twitter-text's, say) when a network has
 * no reading of its own or none is named, then each named network's own, in `own`'s order.
 */
export function readingsFor<T>(networks: readonly Network[], others: () => readonly T[], own: readonly Reading<T>[]): Reading<T>[] {
  const hasOwn = (network: Network): boolean => own.some((reading) => reading.network === network);
  return [
    ...(networks.length === 0 || !networks.every(hasOwn) ? [{ network: null, entities: others }] : []),
    ...own.filter((reading) => reading.network !== null && networks.includes(reading.network)),
  ];
}

/** The findings key that makes two reports the same, whichever reading made them. */
const sameFinding = (finding: RawFinding): string => JSON.stringify([finding.messageKey, finding.range, finding.params ?? {}]);

/**
 * Runs a rule on each reading: the first reading present reports as it always has, and what
 * only a later one finds is reported for that reading's network.
 */
export function reportEachReading<T>(readings: readonly Reading<T>[], run: (entities: readonly T[], report: Report) => void, report: Report): void {
  const [first, ...others] = readings;
  if (!first) return;
  const seen = new Set<string>();
  run(first.entities(), (finding) => {
    seen.add(sameFinding(finding));
    report(finding);
  });
  for (const { network, entities } of others) {
    run(entities(), (finding) => {
      if (network !== null && !seen.has(sameFinding(finding))) report({ ...finding, network });
    });
  }
}
