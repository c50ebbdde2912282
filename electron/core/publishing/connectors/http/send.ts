import type { ConnectorEnvironment } from '../port';
import { fail } from './publishFailure';
import { transportError } from './transportError';

export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string | FormData | Uint8Array<ArrayBuffer>;
  /** This call makes the post: a cut connection leaves its outcome unknown. */
  creates?: boolean;
}

export interface HttpReply {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON (an HTML 502 page…). */
  json: unknown;
}

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * One HTTP exchange with a time-out. Any status comes back as a reply (the connector reads
 * the network's error body); only "no answer" throws, already classified.
 */
export async function send(env: ConnectorEnvironment, call: HttpCall): Promise<HttpReply> {
  try {
    const response = await env.fetch(call.url, {
      method: call.method,
      headers: { Accept: 'application/json', ...call.headers },
      ...(call.body === undefined ? {} : { body: call.body }),
      // A redirect could carry the bearer token to another host.
      redirect: 'manual',
      signal: AbortSignal.timeout(env.timeoutMs),
    });
    // Reading the body can fail too: the connection may drop after the headers.
    const text = await response.text();
    return { status: response.status, statusText: response.statusText, headers: response.headers, text, json: parseJson(text) };
  } catch (error) {
    return fail(transportError(error, call.creates === true));
  }
}
