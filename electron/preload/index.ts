import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CallResult, PlumeBridge } from '../../shared/api/transport';

/**
 * The sandboxed preload exposes our own API object only — never ipcRenderer itself. What main
 * answers is parsed again by the renderer's client against the contract.
 */
const bridge: PlumeBridge = {
  call: (name, input) => ipcRenderer.invoke('plume:call', name, input) as Promise<CallResult>,
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on('plume:event', forward);
    return () => ipcRenderer.removeListener('plume:event', forward);
  },
  onFlushRequest: (listener) => {
    ipcRenderer.on('plume:flush', () => {
      void listener().finally(() => ipcRenderer.send('plume:flushed'));
    });
  },
};

contextBridge.exposeInMainWorld('plumeBridge', bridge);
