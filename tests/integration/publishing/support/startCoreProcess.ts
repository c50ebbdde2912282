import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * Core in its own process on `dataDir` (coreProcess.ts), so a test can kill it with SIGKILL
 * mid-publication; resolves once it printed "ready", rejects with its output if it exits first.
 */
export function startCoreProcess(dataDir: string): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/publishing/support/coreProcess.ts', dataDir], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('ready\n')) resolve(started);
    };
    started.stdout.on('data', onData);
    started.stderr.on('data', onData);
    started.once('exit', (code) => reject(new Error(`core process exited with ${String(code)}:\n${output}`)));
  });
}

/** Kills a core process and waits for it to exit: until then it may still write in its folder (its start-of-session backup). */
export async function stopCoreProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
