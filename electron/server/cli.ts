import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core/app';
import { clockStartingAt } from '../core/clock';
import type { Clock } from '../core/clock';
import { resolveDataDir } from '../core/dataDir';
import { createLogger } from '../core/log';
import { acquireWorkspaceLock } from '../core/workspaceLock';
import { browserModeSettings, isPortTaken, portTakenMessage } from './environment';
import { firstPageFiles } from './firstPageFiles';
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

/** The workspace folder, once known: where a start that fails is logged too. */
let workspaceFolder: string | null = null;

/** A start that fails: said on the terminal and, when the folder takes it, in plume.log. */
function startFailed(error: unknown): never {
  const message = `Plume failed to start: ${error instanceof Error ? error.message : String(error)}`;
  if (workspaceFolder !== null) createLogger({ file: join(workspaceFolder, 'plume.log') }).error(message, error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** How long core waits for the page to be asked for, or for its first files, before starting anyway. */
const CORE_START_WAIT_MS = 300;

async function main(): Promise<void> {
  const staticDir = process.env.PLUME_STATIC_DIR ?? fileURLToPath(new URL('../../out/renderer/', import.meta.url));
  if (!existsSync(staticDir)) {
    process.stderr.write(`Plume: the UI is not built (${staticDir} missing). Run: npm run build\n`);
    process.exit(1);
  }
  // A wrong PLUME_PORT or PLUME_CLOCK_START stops here, named, before anything is locked or opened.
  const settings = browserModeSettings();
  const clock: Clock | undefined = settings.clockStart === undefined ? undefined : clockStartingAt(settings.clockStart);
  const dataDir = resolveDataDir();
  workspaceFolder = dataDir;
  // One Plume per workspace, checked before a link is printed.
  const lock = acquireWorkspaceLock(dataDir);
  // Core's modules (the database, the editorial line's libraries, zod's schemas…) take a few
  // hundred milliseconds to import, and the thread does one thing at a time: the server listens and
  // prints its link first, sends the page and the files it loads before its script runs, then
  // imports core while the browser runs that script. Core starts sooner if a call needs it (the
  // browser had the files cached), or after a moment if no page comes.
  let settle: { resolve: (core: Core) => void; reject: (error: unknown) => void } | null = null;
  const started = new Promise<Core>((resolve, reject) => (settle = { resolve, reject }));
  started.catch((error: unknown) => {
    lock.release();
    startFailed(error);
  });
  let coreStarting = false;
  let coreStartTimer: ReturnType<typeof setTimeout> | null = null;
  const startCore = () => {
    if (coreStarting) return;
    coreStarting = true;
    if (coreStartTimer !== null) clearTimeout(coreStartTimer);
    import('../core/app')
      .then(({ createCore }) =>
        // background: replies, deadlines, reminders, holds and the outbox run while the app runs.
        // plume.log in the workspace (rotated), and the terminal.
        createCore({ dataDir, logger: createLogger({ stderr: true, file: join(dataDir, 'plume.log') }), background: true, clock, heldLock: lock }),
      )
      .then(
        (core) => settle?.resolve(core),
        (error: unknown) => settle?.reject(error),
      );
  };
  const startCoreSoon = () => {
    if (coreStarting) return;
    if (coreStartTimer !== null) clearTimeout(coreStartTimer);
    coreStartTimer = setTimeout(startCore, CORE_START_WAIT_MS);
  };
  const pageFiles = new Set(firstPageFiles(await readFile(join(staticDir, 'index.html'), 'utf8').catch(() => '')));
  const server = await startBrowserServer({
    core: started,
    onStaticSent: (path) => {
      pageFiles.delete(path);
      if (pageFiles.size === 0) startCore();
      else startCoreSoon();
    },
    onCoreWanted: startCore,
    staticDir,
    dataDir,
    ...(settings.port === undefined ? {} : { port: settings.port }),
    onLinkUsed: (next) => process.stdout.write(`Link used. Next single-use link: ${next}\n`),
  }).catch((error: unknown) => {
    // Nothing was opened: the workspace is free again for the next try.
    lock.release();
    throw settings.port !== undefined && isPortTaken(error) ? new Error(portTakenMessage(settings.port)) : error;
  });
  process.stdout.write(`Plume (browser mode) is running: ${server.url}\n`);
  process.stdout.write(`Workspace: ${dataDir}\n`);
  if (process.env.PLUME_NO_OPEN !== '1') openInBrowser(server.url);
  startCoreSoon();

  const stop = () => {
    void server
      .close()
      .then(() => started)
      .then((core) => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => startFailed(error));
