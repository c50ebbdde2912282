import type { ConnectorEnvironment } from '../port';
import { fail } from '../http/publishFailure';
import { isSuccess, sendWithBearer } from '../http/bearerCall';
import type { BearerCall } from '../http/bearerCall';
import type { HttpReply } from '../http/send';
import { mastodonError } from './errors';

/** One account on one instance. */
export interface MastodonApi {
  env: ConnectorEnvironment;
  instance: URL;
  accessToken: string;
}

export type MastodonCall = BearerCall;

/** An authenticated call; any non-2xx reply is thrown as the instance's classified error. */
export async function mastodonRequest(api: MastodonApi, call: MastodonCall): Promise<HttpReply> {
  const reply = await sendWithBearer(api.env, api.instance, api.accessToken, call);
  if (!isSuccess(reply)) fail(mastodonError(reply, api.env.clock.now(), call.creates));
  return reply;
}
