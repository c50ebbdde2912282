import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app';
import { clockStartingAt } from '../core/clock';
import type { Clock } from '../core/clock';
import { resolveDataDir } from '../core/dataDir';
import { createLogger } from '../core/log';
import { startBrowserServer } from './server';

/** Opens the URL in the desktop's browser where there is a desktop; silent elsewhere. */
function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? 'xdg-open' : null;
  if (!command) return;
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

/** PLUME_CLOCK_START (an ISO instant): time flows from there instead of now — for end-to-end tests. */
function clockFromEnvironment(): Clock | undefined {
  const start = process.env.PLUME_CLOCK_START;
  if (start === undefined || start === '') return undefined;
  const instant = Date.parse(start);
  if (Number.isNaN(instant)) throw new Error(`PLUME_CLOCK_START is not an ISO instant: ${start}`);
  return clockStartingAt(instant);
}

async function main(): Promise<void> {
  const staticDir = process.env.PLUME_STATIC_DIR ?? fileURLToPath(new URL('../../out/renderer/', import.meta.url));
  if (!existsSync(staticDir)) {
    process.stderr.write(`Plume: the UI is not built (${staticDir} missing). Run: npm run build\n`);
    process.exit(1);
  }
  const dataDir = resolveDataDir();
  // background: replies, deadlines, reminders, holds and the outbox run while the app runs.
  // plume.log in the workspace (rotated), and the terminal.
  const core = createCore({ dataDir, logger: createLogger({ stderr: true, file: join(dataDir, 'plume.log') }), background: true, clock: clockFromEnvironment() });
  const server = await startBrowserServer({
    core,
    staticDir,
    dataDir,
    ...(process.env.PLUME_PORT ? { port: Number(process.env.PLUME_PORT) } : {}),
    onLinkUsed: (next) => process.stdout.write(`Link used. Next single-use link: ${next}\n`),
  });
  process.stdout.write(`Plume (browser mode) is running: ${server.url}\n`);
  process.stdout.write(`Workspace: ${dataDir}\n`);
  if (process.env.PLUME_NO_OPEN !== '1') openInBrowser(server.url);

  const stop = () => {
    void server.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Plume failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
