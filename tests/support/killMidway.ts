import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `npm run report` (scripts/report.mjs) as its own process with PLUME_TEST_PAUSE_AT set, waits
 * until it reports being paused at `point`, then kill -9s it.
 */
export async function killReportCliAt(point: string, marker: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['scripts/report.mjs', ...args], {
    env: { ...process.env, ...env, PLUME_TEST_PAUSE_AT: `${point}:${marker}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const state = { exited: false };
  void exited.then(() => (state.exited = true));
  // Polls for the marker (the paused process cannot answer anything else); no time limit is asserted.
  while (!existsSync(marker)) {
    if (state.exited) throw new Error(`the process ended before reaching ${point}: ${stderr}`);
    await sleep(25);
  }
  child.kill('SIGKILL');
  await exited;
}
