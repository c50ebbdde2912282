import { z } from 'zod';
import { classifyHttpError, requestJson } from '../http';

const RegisteredApp = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

/**
 * Registers Plume on a Mastodon instance (POST /api/v1/apps,
 * https://docs.joinmastodon.org/methods/apps/#create) for this flow's exact loopback redirect
 * URI, so even instances that match redirect URIs exactly accept the random port.
 */
export async function registerMastodonApp(appsUrl: string, redirectUri: string, scopes: readonly string[]): Promise<{ clientId: string; clientSecret: string }> {
  const app = await requestJson(
    {
      url: appsUrl,
      form: { client_name: 'Plume', redirect_uris: redirectUri, scopes: scopes.join(' ') },
    },
    RegisteredApp,
    // Not a Mastodon API here (404), or it refused the registration (422): no usable instance
    // at this address, which is itself well-formed (instance_invalid is for that).
    (status, body) => (status === 404 || status === 422 ? 'instance_not_mastodon' : classifyHttpError(status, body)),
  );
  return { clientId: app.client_id, clientSecret: app.client_secret };
}
