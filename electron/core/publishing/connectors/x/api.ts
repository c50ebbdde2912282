import type { ConnectorEnvironment } from '../port';
import { fail } from '../http/publishFailure';
import { isSuccess, sendWithBearer } from '../http/bearerCall';
import type { BearerCall } from '../http/bearerCall';
import type { HttpReply } from '../http/send';
import { xError } from './errors';

export interface XApi {
  env: ConnectorEnvironment;
  base: URL;
  /** OAuth 2.0 user-context token (scopes tweet.write, users.read, media.write, tweet.read). */
  accessToken: string;
}

export interface XCall extends Omit<BearerCall, 'method' | 'headers'> {
  method: 'GET' | 'POST';
  /** Replies the caller reads itself instead of failing (the duplicate 403). */
  accept?: (reply: HttpReply) => boolean;
}

/** One call to api.x.com; a non-2xx reply is thrown, classified. */
export async function xRequest(api: XApi, call: XCall): Promise<HttpReply> {
  const reply = await sendWithBearer(api.env, api.base, api.accessToken, call);
  if (!isSuccess(reply) && call.accept?.(reply) !== true) fail(xError(reply, api.env.clock.now(), call.creates));
  return reply;
}
