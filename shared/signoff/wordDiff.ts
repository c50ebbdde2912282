import { diffWords } from 'diff';
import { networks } from '../posts/networks';
import type { Network } from '../posts/networks';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}
export interface NetworkDiff {
  network: Network;
  parts: DiffPart[];
  changed: boolean;
}

/** Word-level diff of one text (jsdiff's diffWords: whitespace changes alone do not count). */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}

/**
 * What changed per network between what the partner saw and the current texts; a network
 * added or dropped shows as wholly inserted or deleted. Networks in their usual order.
 */
export function textsDiff(before: Partial<Record<Network, string>>, after: Partial<Record<Network, string>>): NetworkDiff[] {
  return networks
    .filter((network) => before[network] !== undefined || after[network] !== undefined)
    .map((network) => {
      const parts = wordDiff(before[network] ?? '', after[network] ?? '');
      return { network, parts, changed: parts.some((part) => part.op !== 'equal') };
    });
}
