import type { PlumeBridge } from '../../../shared/api/transport';
import type { Transport } from './client';

/** Desktop mode: the preload's bridge carries calls over IPC. */
export function createIpcTransport(bridge: PlumeBridge): Transport {
  return {
    call: (name, input) => bridge.call(name, input),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
