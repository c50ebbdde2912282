import type { Database } from 'better-sqlite3';

/** Rowids a background pass looks at between two `slice()` calls, however few of them need work. */
export const ROWID_WINDOW = 2_000;

/**
 * Walks rowids (0, last] window by window for a background pass over a big table. `step(after,
 * upTo)` does the work for up to a batch of rows with rowid in (after, upTo] and returns the rowid
 * of the last row it did when it filled its batch (more may wait in that window), else null.
 * With nothing to do, one statement over the whole table would hold the thread for as long as a
 * scan of it (~300 ms at 100,000 posts); a window of rowids is a short range read of the
 * primary key, and `slice()` runs between two windows.
 */
export async function walkRowidWindows(
  last: number,
  step: (after: number, upTo: number) => number | null,
  slice: () => Promise<void>,
  stillOpen: () => boolean,
  window = ROWID_WINDOW,
): Promise<void> {
  let after = 0;
  while (after < last) {
    if (!stillOpen()) return;
    const upTo = Math.min(after + window, last);
    after = step(after, upTo) ?? upTo;
    await slice();
  }
}

/** Rows a background rebuild does per transaction: a save in between waits for one batch at most. */
export const REBUILD_BATCH = 25;

/**
 * A background rebuild over a table's rowids (0, last]: `read(after, upTo)` returns up to
 * REBUILD_BATCH rows of that window needing work, `each` does one; one transaction a batch, so
 * a save in between is never overwritten by an older read. Stops when the database is closed.
 * Returns how many rows were done.
 */
export async function rebuildInWindows<Row extends { rowid: number }>(
  db: Database,
  last: number,
  read: (after: number, upTo: number) => Row[],
  each: (row: Row) => void,
  slice: () => Promise<void>,
): Promise<number> {
  let total = 0;
  await walkRowidWindows(
    last,
    (after, upTo) =>
      db.transaction(() => {
        const rows = read(after, upTo);
        for (const row of rows) each(row);
        total += rows.length;
        return rows.length === REBUILD_BATCH ? (rows.at(-1)?.rowid ?? null) : null;
      })(),
    slice,
    () => db.open,
  );
  return total;
}
