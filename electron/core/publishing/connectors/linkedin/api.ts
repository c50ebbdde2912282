import type { ConnectorEnvironment } from '../port';
import { fail } from '../http/publishFailure';
import { send } from '../http/send';
import type { HttpReply } from '../http/send';
import { endpoint } from '../http/serviceUrl';
import { linkedinError } from './errors';

export interface LinkedinApi {
  env: ConnectorEnvironment;
  base: URL;
  /** `LinkedIn-Version: YYYYMM`: the versioned REST API LinkedIn asks every call to name. */
  version: string;
  accessToken: string;
}

export interface LinkedinCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  headers?: Record<string, string>;
  creates?: boolean;
  /** Statuses the caller reads itself instead of failing (the duplicate 422). */
  accept?: (reply: HttpReply) => boolean;
}

export const linkedinHeaders = (api: LinkedinApi): Record<string, string> => ({
  Authorization: `Bearer ${api.accessToken}`,
  'LinkedIn-Version': api.version,
  'X-Restli-Protocol-Version': '2.0.0',
});

/** One call to api.linkedin.com/rest; a non-2xx reply is thrown, classified. */
export async function linkedinRequest(api: LinkedinApi, call: LinkedinCall): Promise<HttpReply> {
  const reply = await send(api.env, {
    method: call.method,
    url: endpoint(api.base, call.path, call.query),
    headers: { ...linkedinHeaders(api), ...(call.json === undefined ? {} : { 'Content-Type': 'application/json' }), ...call.headers },
    ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
    ...(call.creates === true ? { creates: true } : {}),
  });
  const ok = reply.status >= 200 && reply.status <= 299;
  if (!ok && call.accept?.(reply) !== true) fail(linkedinError(reply, api.env.clock.now(), call.creates));
  return reply;
}
