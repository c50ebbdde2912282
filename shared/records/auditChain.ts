import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The audit log's hash chain. Each entry's hash is the SHA-256 of a canonical form of the
 * row as stored — every column, whatever columns later versions add — and of the previous
 * entry's hash; the first entry links to GENESIS. `id` is left out: the chain itself is
 * the order, so a moved row breaks a link instead of looking edited.
 */
export const AUDIT_GENESIS = '0'.repeat(64);

/** A stored audit row: column name → SQLite value (integers, text, NULL). */
export type AuditRowValues = Record<string, string | number | null>;

/** Columns that are not hashed content: the storage locator and the chain's own hash. */
const UNHASHED = new Set(['id', 'entry_hash', 'prev_hash']);

/**
 * `{"prev":…,"row":{…},"v":1}`: canonical JSON (keys sorted by UTF-16 code units, as
 * `canonicalJson`), written out directly because a million rows are verified at a time.
 * NULL columns are omitted, so a nullable column added later leaves existing hashes unchanged.
 */
export function auditChainInput(row: AuditRowValues, prevHash: string): string {
  const parts: string[] = [];
  for (const column of Object.keys(row).sort(byCodeUnit)) {
    const value = row[column];
    if (UNHASHED.has(column) || value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`audit column ${column} is not a finite number`);
    parts.push(`${JSON.stringify(column)}:${JSON.stringify(value)}`);
  }
  return `{"prev":${JSON.stringify(prevHash)},"row":{${parts.join(',')}},"v":1}`;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function auditEntryHash(row: AuditRowValues, prevHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(auditChainInput(row, prevHash))));
}

/**
 * tailCut: the anchored newest entry is gone (entries cut off the end); anchorForged: the
 * anchor's MAC does not verify under the key that sealed it; anchorMissing: entries but no
 * anchor; anchorOtherKey: the anchor was sealed (at `at`) by a key this keychain does not have,
 * and Plume could not yet move it (the end of the log cannot be proven now).
 */
export type ChainProblemKind = 'edited' | 'deleted' | 'reordered' | 'unchained' | 'tailCut' | 'anchorForged' | 'anchorMissing' | 'anchorOtherKey';

/** One break in the chain, at the entry (by id) where it shows. */
export interface ChainProblem {
  kind: ChainProblemKind;
  id: number;
  /** anchorOtherKey: when that anchor was sealed. */
  at?: number;
}

/**
 * Not a break: anchorKeyReplaced, the keychain no longer had the key that sealed the anchor,
 * and Plume replaced it at `at` (entry `id`, its fact). Entries written before then cannot be
 * proven intact by the anchor; the chain itself is still checked link by link.
 */
export interface ChainNotice {
  kind: 'anchorKeyReplaced';
  id: number;
  at: number;
}

export interface ChainLink {
  id: number;
  prevHash: string | null;
  entryHash: string | null;
  /** Present when the entry's content can be checked; absent for a link whose content is withheld. */
  recomputed?: string;
}

/**
 * Walks links in order. `where(hash)` tells whether an entry with that hash exists further
 * on (a reorder) or not at all (a deletion); it is asked only at a break.
 */
export class ChainWalker {
  readonly problems: ChainProblem[] = [];
  private expectedPrev: string;
  count = 0;

  constructor(
    start: string,
    private readonly existsElsewhere: (hash: string) => boolean,
    private readonly limit = 50,
  ) {
    this.expectedPrev = start;
  }

  step(link: ChainLink): void {
    this.count++;
    if (link.entryHash === null || link.prevHash === null) {
      this.report('unchained', link.id);
      return;
    }
    if (link.recomputed !== undefined && link.recomputed !== link.entryHash) this.report('edited', link.id);
    if (link.prevHash !== this.expectedPrev && this.problems.length < this.limit) {
      this.report(this.existsElsewhere(link.prevHash) ? 'reordered' : 'deleted', link.id);
    }
    this.expectedPrev = link.entryHash;
  }

  get head(): string {
    return this.expectedPrev;
  }

  private report(kind: ChainProblemKind, id: number): void {
    if (this.problems.length < this.limit) this.problems.push({ kind, id });
  }
}
