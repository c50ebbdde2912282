import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Core } from '../core/app';
import { dataDirFromEnvironment } from '../core/dataDir';
import { electronPrinter } from './pdfPrinter';
import { isRendererUrl } from './senderCheck';

/**
 * The desktop shell: one window on the same core as browser mode, hardened per Electron's
 * security checklist (context isolation, sandbox, no Node in the renderer, CSP in index.html,
 * no navigation, no new windows, no permissions, IPC sender checked).
 */
app.setName('Plume');
const FLUSH_TIMEOUT_MS = 1500;
let core: Core | null = null;

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const expectedRendererUrl = rendererUrl ?? pathToFileURL(rendererFile).href;

function isOurFrame(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  return isRendererUrl(event.senderFrame?.url, expectedRendererUrl);
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Plume',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());

  // Autosave on close: ask the UI to flush pending edits, then close for real.
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    const finish = () => {
      flushed = true;
      window.close();
    };
    // Only this window's own page may say it has flushed; anything else is ignored (the timer still closes).
    const onFlushed = (flushedEvent: IpcMainEvent) => {
      if (flushedEvent.sender !== window.webContents || !isOurFrame(flushedEvent)) return;
      ipcMain.removeListener('plume:flushed', onFlushed);
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => {
      ipcMain.removeListener('plume:flushed', onFlushed);
      finish();
    }, FLUSH_TIMEOUT_MS);
    ipcMain.on('plume:flushed', onFlushed);
    window.webContents.send('plume:flush');
  });

  // The page holds the unload while text could not be saved (renderer/src/editor/saveRegistry.ts):
  // Electron would then keep the window open without a word, so the user is asked here.
  window.webContents.on('will-prevent-unload', (event) => {
    const french = app.getLocale().toLowerCase().startsWith('fr');
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'Plume',
      buttons: french ? ['Rester dans Plume', 'Fermer quand même'] : ['Stay in Plume', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: french ? 'Du texte n’a pas pu être enregistré.' : 'Some text could not be saved.',
      detail: french
        ? 'Plume réessaie tant que la fenêtre reste ouverte. Si vous fermez, une copie reste dans Plume et vous sera proposée à la prochaine ouverture de la publication.'
        : 'Plume keeps trying while the window stays open. If you close it, a copy stays in Plume and is offered back when you open the post again.',
    });
    // preventDefault here lets the unload go on. Staying, the next close asks the page to flush again.
    if (choice === 1) event.preventDefault();
    else flushed = false;
  });

  if (rendererUrl) void window.loadURL(rendererUrl);
  else void window.loadFile(rendererFile);
}

void app.whenReady().then(() => {
  const dataDir = dataDirFromEnvironment() ?? app.getPath('userData');
  // As in browser mode: the window loads its page while core's modules are imported and the
  // workspace opened; calls made meanwhile wait for core.
  const readyCore = import('../core/app').then(({ createCore }) => {
    const started = createCore({ dataDir, migrationsDir: join(import.meta.dirname, 'migrations'), background: true, pdfPrinter: electronPrinter() });
    core = started;
    started.events.subscribe((event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send('plume:event', event);
    });
    return started;
  });
  readyCore.catch((error: unknown) => {
    dialog.showErrorBox('Plume', `Plume failed to start: ${error instanceof Error ? error.message : String(error)}`);
    app.quit();
  });

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  ipcMain.handle('plume:call', async (event, name: unknown, input: unknown) => {
    if (!isOurFrame(event) || typeof name !== 'string') {
      return { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden', message: 'Unknown sender' } };
    }
    return (await readyCore).router.call(name, input);
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => core?.close());
