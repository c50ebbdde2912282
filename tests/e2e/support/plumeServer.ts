import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintLinkToken } from '../../../electron/server/sessions';
import type { APIRequestContext } from '@playwright/test';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract';
// Every spec that computes a zoned time (shared/time) gets Node's tz data, whichever spec its
// worker loaded first (signoff.spec.ts used to work only after calendar.spec.ts had installed it).
import '../../support/nodeZoneData';

export interface RunningPlume {
  /** A fresh single-use link each time it is read (links open Plume once). */
  readonly url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** Calls a procedure of the contract as the page would (same origin), throwing its error if refused. */
  call<K extends ProcedureName>(request: APIRequestContext, name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/**
 * Starts the real browser-mode server (the bundle `npm start` falls back to, built before the
 * end-to-end run) as its own Node process, on a workspace folder the test owns, and waits for
 * its printed URL.
 */
export function startPlume(dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-')), env: Record<string, string> = {}): Promise<RunningPlume> {
  return spawnPlume({ ...process.env, PLUME_DATA_DIR: dataDir, PLUME_NO_OPEN: '1', ...env }, dataDir);
}

/**
 * Starts it as a user does on a machine that never ran Plume: `home` as the home folder, no
 * PLUME_DATA_DIR nor XDG_CONFIG_HOME, so the workspace goes where Plume chooses by default
 * (~/.config/Plume on Linux), a folder that does not exist yet.
 */
export function startPlumeAtHome(home: string): Promise<RunningPlume> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PLUME_NO_OPEN: '1' };
  delete env.PLUME_DATA_DIR;
  delete env.XDG_CONFIG_HOME;
  return spawnPlume(env, join(home, '.config', 'Plume'));
}

async function spawnPlume(env: NodeJS.ProcessEnv, dataDir: string): Promise<RunningPlume> {
  const child = spawn(process.execPath, ['out/main/server.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Plume did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /running: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
        // Drained from now on, not kept: core's log would otherwise be searched again on each line.
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Plume exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const printed = new URL(url);
  const launchId = (printed.searchParams.get('token') ?? '').split('.')[0] ?? '';
  let printedUsed = false;
  return {
    // The printed link first; then links minted as a user with the workspace could, from its secret file.
    get url() {
      if (!printedUsed) {
        printedUsed = true;
        return url;
      }
      const secret = readFileSync(join(dataDir, 'browser-mode-secret'), 'utf8').trim();
      return `${printed.origin}/?token=${mintLinkToken(secret, launchId)}`;
    },
    origin: printed.origin,
    dataDir,
    process: child,
    call: (request, name, input) => callApi(request, printed.origin, name, input),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** One API call over the browser-mode transport, with the page's Origin; the value, or a thrown error naming the procedure. */
export async function callApi<K extends ProcedureName>(request: APIRequestContext, origin: string, name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
  const response = await request.post(`${origin}/api/call/${name}`, { data: input, headers: { Origin: origin } });
  const body = (await response.json()) as { ok: true; value: ProcedureOutput<K> } | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  return body.value;
}
