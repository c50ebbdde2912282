import type { PlumeBridge } from '../../../shared/api/transport';
import type { Transport } from './client';

/** Desktop mode: the preload's bridge carries calls over IPC (an aborted call's answer is dropped by the client). */
export function createIpcTransport(bridge: PlumeBridge): Transport {
  return {
    call: (name, input) => bridge.call(name, input),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
