import { readFileSync } from 'node:fs';

/** Busy and total CPU time of the whole machine so far (Linux), or null where /proc/stat is missing. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/u).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    // idle and iowait
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

const WINDOW_MS = 100;
/** A machine is settled once two windows in a row have it busy less than this share of its CPU time. */
const SETTLED_BELOW = 0.2;

/**
 * Resolves once the machine has been mostly idle for two 100 ms windows (at most `maxMs`).
 *
 * A browser's new tab keeps starting processes for a while after `newPage()` returns: a renderer
 * for the page and a spare one for the next site, ~300–400 ms of CPU on this machine. A start
 * timed right after it measures that too, on two cores. A user clicks Plume's link in a browser
 * that is already idle.
 */
export async function machineSettled(maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let previous = cpuTimes();
  if (previous === null) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return;
  }
  let quietWindows = 0;
  while (Date.now() < deadline && quietWindows < 2) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = cpuTimes();
    if (now === null) return;
    const total = now.total - previous.total;
    quietWindows = total > 0 && (now.busy - previous.busy) / total < SETTLED_BELOW ? quietWindows + 1 : 0;
    previous = now;
  }
}
