import { createApi } from './client';
import { createHttpTransport } from './httpTransport';
import { createIpcTransport } from './ipcTransport';

/** The one API client: IPC inside the desktop app, HTTP in browser mode. */
export const api = createApi(window.plumeBridge ? createIpcTransport(window.plumeBridge) : createHttpTransport());
