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
