import { spawn } from 'node:child_process';

export interface BrowserModeServer {
  /** The printed single-use link. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * `node out/main/server.js` on `dataDir`, as a user starts browser mode (the bundled build, no
 * browser opened), resolved once it printed its link. `clockStart` (an ISO instant) makes core's
 * time flow from there (PLUME_CLOCK_START).
 */
export async function startBrowserMode(dataDir: string, clockStart?: string): Promise<BrowserModeServer> {
  const child = spawn(process.execPath, ['out/main/server.js'], {
    env: { ...process.env, PLUME_DATA_DIR: dataDir, PLUME_NO_OPEN: '1', ...(clockStart ? { PLUME_CLOCK_START: clockStart } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the browser-mode server stopped (status ${String(code)}) before printing its URL`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
