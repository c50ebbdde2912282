import { isProcedureName } from '../../../shared/api/contract';
import { isReadOnlyProcedure } from '../../../shared/api/readOnlyProcedures';
import { BATCH_MEDIA_TYPE, BatchLine, MAX_BATCH_CALLS } from '../../../shared/api/transport';
import type { BatchRequest, CallResult } from '../../../shared/api/transport';
import { MAX_REQUEST_BYTES, requestTooLarge } from '../../../shared/api/requestSize';
import type { Transport } from './client';
import { TransportError } from './client';
import { connection } from './connection';
import { EventCoverage, parseEventMark } from './eventCoverage';

/**
 * Browser mode: calls are POSTs to the loopback server (session cookie set by the token
 * exchange), events arrive over Server-Sent Events, which reconnect by themselves.
 */
const EVENTS_RETRY_MS = 5_000;
/** A browser refuses a keepalive request whose body is over 64 KiB. */
const KEEPALIVE_MAX_BYTES = 64 * 1024;

interface WaitingCall {
  name: string;
  input: unknown;
  signal: AbortSignal | undefined;
  resolve: (result: CallResult) => void;
  reject: (error: unknown) => void;
}

/** Why an aborted call fails: the signal's own reason when it is an error, else an AbortError. */
const abortReason = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new DOMException('The call was aborted', 'AbortError'));

/** A malformed line is left unanswered rather than failing the lines after it. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls `onLine` with each complete line of an NDJSON answer as it arrives. */
async function readLines(response: Response, onLine: (line: string) => void): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) {
    for (const line of (await response.text()).split('\n')) if (line !== '') onLine(line);
    return;
  }
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let start = 0;
    for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n', start)) {
      if (end > start) onLine(buffered.slice(start, end));
      start = end + 1;
    }
    buffered = buffered.slice(start);
    if (done) break;
  }
}

/**
 * `localStorage['plume.batch'] = 'off'` sends every call on its own request: each is then seen
 * (and can be held) on its own in the browser's network panel or by a test.
 */
export const BATCH_SETTING = 'plume.batch';
function readsTravelTogether(): boolean {
  try {
    return globalThis.localStorage.getItem(BATCH_SETTING) !== 'off';
  } catch {
    // No storage (refused by a privacy setting, or outside a browser): the default.
    return true;
  }
}

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
  /** Any answer: core is reachable, and says whether it still knows this tab. */
  const answeredBy = (response: Response) => {
    connection.set(true);
    connection.setSignedOut(response.status === 401);
  };
  /** POSTs to core; a request that gets no answer at all marks the tab offline (one its caller aborted does not). */
  const reach = async (path: string, body: BodyInit, keepalive = false, signal?: AbortSignal): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, credentials: 'same-origin', keepalive, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      connection.set(false);
      throw new TransportError('core unreachable');
    }
    answeredBy(response);
    return response;
  };
  let keepaliveBytesInFlight = 0;
  /** One call, alone on its own request: writes, and a read asked for by itself. */
  const callAlone = async (name: string, input: unknown, signal?: AbortSignal): Promise<CallResult> => {
    const body = new TextEncoder().encode(JSON.stringify(input ?? {}));
    // Core would refuse it after the whole upload: say so now, as the desktop transport does.
    if (body.length > MAX_REQUEST_BYTES) return { ok: false, error: requestTooLarge(body.length) };
    // keepalive lets the last autosave finish while the page unloads. A browser refuses it (the
    // call fails as if core were down) for a body over 64 KiB, or once the keepalive requests in
    // flight add up to that: such a call is sent without it.
    const keepalive = keepaliveBytesInFlight + body.length <= KEEPALIVE_MAX_BYTES;
    if (keepalive) keepaliveBytesInFlight += body.length;
    try {
      const response = await reach(`/api/call/${name}`, body, keepalive, signal);
      if (coverage.answered(parseEventMark(response.headers.get('X-Plume-Events')))) deliverToAll({ type: 'events.resync' });
      if (response.headers.get('content-type')?.startsWith('application/json')) {
        return (await response.json()) as CallResult;
      }
      throw new TransportError(`HTTP ${response.status}`);
    } finally {
      // The browser counts a keepalive request until its answer is read.
      if (keepalive) keepaliveBytesInFlight -= body.length;
    }
  };

  /** Reads asked for in the same moment, sent together once the current task is done. */
  let waiting: WaitingCall[] = [];
  const sendWaiting = () => {
    const calls = waiting;
    waiting = [];
    const only = calls.length === 1 ? calls[0] : undefined;
    if (only) {
      callAlone(only.name, only.input, only.signal).then(only.resolve, only.reject);
      return;
    }
    // Core takes at most MAX_BATCH_CALLS calls a request.
    for (let from = 0; from < calls.length; from += MAX_BATCH_CALLS) void callBatch(calls.slice(from, from + MAX_BATCH_CALLS));
  };
  const callBatch = async (calls: WaitingCall[]): Promise<void> => {
    const unanswered = new Set(calls);
    const failAll = (error: unknown) => {
      for (const call of unanswered) call.reject(error);
      unanswered.clear();
    };
    try {
      const body: BatchRequest = { calls: calls.map((call) => ({ name: call.name, input: call.input ?? {} })) };
      const response = await reach('/api/batch', JSON.stringify(body));
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith(BATCH_MEDIA_TYPE)) {
        // Refused as a whole (no session, too large): each call gets the refusal as its answer.
        if (!type.startsWith('application/json')) throw new TransportError(`HTTP ${response.status}`);
        const refusal = (await response.json()) as CallResult;
        for (const call of unanswered) call.resolve(refusal);
        unanswered.clear();
        return;
      }
      await readLines(response, (text) => {
        const line = BatchLine.safeParse(parseJson(text));
        const call = line.success ? calls[line.data.i] : undefined;
        if (!line.success || !call || !unanswered.has(call)) return;
        unanswered.delete(call);
        if (coverage.answered(parseEventMark(line.data.mark))) deliverToAll({ type: 'events.resync' });
        call.resolve(line.data.result as CallResult);
      });
      // The answer ended early (core stopped mid-batch): what it did not answer, it may not have done.
      if (unanswered.size > 0) throw new TransportError('core stopped answering');
    } catch (error) {
      if (!(error instanceof TransportError)) connection.set(false);
      failAll(error instanceof TransportError ? error : new TransportError('core unreachable'));
    }
  };

  const batching = readsTravelTogether();
  return {
    call(name, input, signal) {
      // Writes leave at once and alone (an autosave must not wait, and may leave as the page unloads).
      if (!batching || !isProcedureName(name) || !isReadOnlyProcedure(name)) return callAlone(name, input, signal);
      return new Promise<CallResult>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const call: WaitingCall = { name, input, signal, resolve, reject };
        // Aborted before the batch leaves: it leaves without this call; after: its line is dropped.
        signal?.addEventListener(
          'abort',
          () => {
            waiting = waiting.filter((one) => one !== call);
            reject(abortReason(signal));
          },
          { once: true },
        );
        waiting.push(call);
        // Every read asked for while this task runs (a page's first render asks a dozen) joins it.
        if (waiting.length === 1) queueMicrotask(sendWaiting);
      });
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
