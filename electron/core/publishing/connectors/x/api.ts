import type { ConnectorEnvironment } from '../port';
import { fail } from '../http/publishFailure';
import { send } from '../http/send';
import type { HttpReply } from '../http/send';
import { endpoint } from '../http/serviceUrl';
import { xError } from './errors';

export interface XApi {
  env: ConnectorEnvironment;
  base: URL;
  /** OAuth 2.0 user-context token (scopes tweet.write, users.read, media.write, tweet.read). */
  accessToken: string;
}

export interface XCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  creates?: boolean;
  /** Replies the caller reads itself instead of failing (the duplicate 403). */
  accept?: (reply: HttpReply) => boolean;
}

/** One call to api.x.com; a non-2xx reply is thrown, classified. */
export async function xRequest(api: XApi, call: XCall): Promise<HttpReply> {
  const headers: Record<string, string> = { Authorization: `Bearer ${api.accessToken}` };
  let body: string | FormData | undefined;
  if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form !== undefined) {
    body = call.form;
  }
  const reply = await send(api.env, {
    method: call.method,
    url: endpoint(api.base, call.path, call.query),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(call.creates === true ? { creates: true } : {}),
  });
  const ok = reply.status >= 200 && reply.status <= 299;
  if (!ok && call.accept?.(reply) !== true) fail(xError(reply, api.env.clock.now(), call.creates));
  return reply;
}
