import type { PlumeBridge } from '../../../shared/api/transport';
import { MAX_REQUEST_BYTES, requestBytes, requestTooLarge } from '../../../shared/api/requestSize';
import type { Transport } from './client';

/**
 * Desktop mode: the preload's bridge carries calls over IPC (an aborted call's answer is dropped
 * by the client). IPC has no size limit of its own; a call browser mode's server would refuse as
 * too large is refused here too, so the same file works (or not) in both.
 */
export function createIpcTransport(bridge: PlumeBridge): Transport {
  return {
    call: (name, input) => {
      const size = requestBytes(input);
      return size > MAX_REQUEST_BYTES ? Promise.resolve({ ok: false, error: requestTooLarge(size) }) : bridge.call(name, input);
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
