import type { CallResult } from '../../../shared/api/transport';
import type { Transport } from './client';
import { TransportError } from './client';
import { connection } from './connection';
import { EventCoverage, parseEventMark } from './eventCoverage';

/**
 * Browser mode: calls are POSTs to the loopback server (session cookie set by the token
 * exchange), events arrive over Server-Sent Events, which reconnect by themselves.
 */
const EVENTS_RETRY_MS = 5_000;

export function createHttpTransport(): Transport {
  // One event stream shared by every subscriber: a browser keeps at most six HTTP/1.1
  // connections per origin, and each open stream holds one, so a stream per subscriber
  // would leave calls waiting forever once a page has six subscribers.
  const listeners = new Set<(payload: unknown) => void>();
  let source: EventSource | null = null;
  const coverage = new EventCoverage();
  const deliverToAll = (payload: unknown) => {
    for (const listener of [...listeners]) {
      try {
        listener(payload);
      } catch {
        // One subscriber's failure must not keep the event from the others.
      }
    }
  };
  const openEvents = (): EventSource => {
    const events = new EventSource('/api/events');
    events.onmessage = (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        // Ignore a malformed frame; the contract parse happens in the client.
        return;
      }
      deliverToAll(payload);
    };
    events.onopen = () => {
      connection.set(true);
      connection.setSignedOut(false);
    };
    // Whatever core announced before the stream subscribed was missed: an answer read before
    // it (the page's first reads), another tab's save during a drop, a restart.
    events.addEventListener('opened', (message: MessageEvent<string>) => {
      if (coverage.opened(parseEventMark(message.data))) deliverToAll({ type: 'events.resync' });
    });
    events.onerror = () => {
      coverage.dropped();
      connection.set(false);
      // A refused stream (401 after a restart without this tab's session) is closed for good by
      // the browser; try again now and then so the tab comes back by itself once it can.
      if (events.readyState === EventSource.CLOSED && source === events) {
        // EventSource hides the status: one cheap call tells a refused session from a dead server.
        void fetch('/api/call/settings.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' })
          .then((response) => connection.setSignedOut(response.status === 401))
          .catch(() => undefined);
        setTimeout(() => {
          if (source !== events || listeners.size === 0) return;
          source = openEvents();
        }, EVENTS_RETRY_MS);
      }
    };
    return events;
  };
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
      connection.setSignedOut(response.status === 401);
      if (coverage.answered(parseEventMark(response.headers.get('X-Plume-Events')))) deliverToAll({ type: 'events.resync' });
      if (response.headers.get('content-type')?.startsWith('application/json')) {
        return (await response.json()) as CallResult;
      }
      throw new TransportError(`HTTP ${response.status}`);
    },
    onEvent(listener) {
      listeners.add(listener);
      source ??= openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          coverage.dropped();
          source?.close();
          source = null;
        }
      };
    },
  };
}
