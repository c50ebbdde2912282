import type { CallResult } from '../../../shared/api/transport';
import type { Transport } from './client';
import { TransportError } from './client';
import { connection } from './connection';

/**
 * Browser mode: calls are POSTs to the loopback server (session cookie set by the token
 * exchange), events arrive over Server-Sent Events, which reconnect by themselves.
 */
export function createHttpTransport(): Transport {
  return {
    async call(name, input) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          // Lets the last autosave finish while the page unloads.
          keepalive: true,
        });
      } catch {
        connection.set(false);
        throw new TransportError('core unreachable');
      }
      connection.set(true);
      if (response.headers.get('content-type')?.startsWith('application/json')) {
        return (await response.json()) as CallResult;
      }
      throw new TransportError(`HTTP ${response.status}`);
    },
    onEvent(listener) {
      const source = new EventSource('/api/events');
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          listener(JSON.parse(message.data) as unknown);
        } catch {
          // Ignore a malformed frame; the contract parse happens in the client.
        }
      };
      source.onopen = () => connection.set(true);
      source.onerror = () => connection.set(false);
      return () => source.close();
    },
  };
}
