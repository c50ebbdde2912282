import type { ConnectorEnvironment } from '../port';
import { fail } from '../http/publishFailure';
import { send } from '../http/send';
import type { HttpReply } from '../http/send';
import { endpoint } from '../http/serviceUrl';
import { mastodonError } from './errors';

/** One account on one instance. */
export interface MastodonApi {
  env: ConnectorEnvironment;
  instance: URL;
  accessToken: string;
}

export interface MastodonCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  creates?: boolean;
}

/** An authenticated call; any non-2xx reply is thrown as the instance's classified error. */
export async function mastodonRequest(api: MastodonApi, call: MastodonCall): Promise<HttpReply> {
  const headers: Record<string, string> = { Authorization: `Bearer ${api.accessToken}`, ...call.headers };
  let body: string | FormData | undefined;
  if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form !== undefined) {
    body = call.form;
  }
  const reply = await send(api.env, {
    method: call.method,
    url: endpoint(api.instance, call.path, call.query),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(call.creates === true ? { creates: true } : {}),
  });
  if (reply.status < 200 || reply.status > 299) fail(mastodonError(reply, api.env.clock.now(), call.creates));
  return reply;
}
