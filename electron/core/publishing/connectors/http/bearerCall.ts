import type { ConnectorEnvironment } from '../port';
import { send } from './send';
import type { HttpReply } from './send';
import { endpoint } from './serviceUrl';

/** A call to a REST API with an OAuth bearer token: a JSON or multipart body, or none. */
export interface BearerCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** This call makes the post: a cut connection leaves its outcome unknown. */
  creates?: boolean;
}

export const isSuccess = (reply: HttpReply): boolean => reply.status >= 200 && reply.status <= 299;

/** Sends `call` to `base` with the token; the reply comes back whatever its status (callers classify errors). */
export function sendWithBearer(env: ConnectorEnvironment, base: URL, accessToken: string, call: BearerCall): Promise<HttpReply> {
  const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}`, ...call.headers };
  let body: string | FormData | undefined;
  if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form !== undefined) {
    body = call.form;
  }
  return send(env, {
    method: call.method,
    url: endpoint(base, call.path, call.query),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(call.creates === true ? { creates: true } : {}),
  });
}
