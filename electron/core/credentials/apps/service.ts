import type { OAuthApp, OAuthAppInput } from '../../../../shared/credentials/oauthApp';
import type { AppNetwork } from '../../../../shared/credentials/networks';
import { OAuthAppInput as OAuthAppInputSchema } from '../../../../shared/credentials/oauthApp';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import { CredentialFailure } from '../failure';
import { CALLBACK_PATH } from '../oauth/loopbackListener';
import { AppClientSecret } from '../secretBundles';
import { newKeychainRef } from '../secrets';
import type { SecretStore } from '../secrets';
import type { AppRecord, AppRepository } from './repository';

export interface AppClient {
  clientId: string;
  clientSecret: string | undefined;
  redirectPort: number | null;
  /** LinkedIn: sign-ins also ask r_member_postAnalytics. */
  postAnalytics: boolean;
}

/** What to register as redirect URI: RFC 8252 servers ignore the port of a loopback URI. */
const redirectUriFor = (port: number | null) => `http://127.0.0.1${port === null ? '' : `:${port}`}${CALLBACK_PATH}`;

const toApp = (record: AppRecord): OAuthApp => ({
  network: record.network,
  clientId: record.clientId,
  hasClientSecret: record.hasSecret,
  redirectPort: record.redirectPort,
  postAnalytics: record.postAnalytics,
  redirectUri: redirectUriFor(record.redirectPort),
  updatedAt: record.updatedAt,
});

/** The user's own app per network: id shown, id + secret kept in the keychain. */
export class AppService {
  constructor(
    private readonly apps: AppRepository,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  list(): OAuthApp[] {
    return this.apps.list().map(toApp);
  }

  async save(raw: OAuthAppInput): Promise<OAuthApp> {
    const input = OAuthAppInputSchema.parse(raw);
    const existing = this.apps.get(input.network);
    const keychain = existing?.keychain ?? newKeychainRef('oauth-app', input.network);
    let clientSecret = input.clientSecret;
    if (clientSecret === undefined && !input.clearSecret && existing?.hasSecret) {
      clientSecret = (await this.secrets.read(existing.keychain, AppClientSecret))?.clientSecret;
    }
    await this.secrets.write(keychain, AppClientSecret, { clientId: input.clientId, clientSecret });
    this.apps.upsert(
      {
        network: input.network,
        clientId: input.clientId,
        hasSecret: clientSecret !== undefined,
        redirectPort: input.redirectPort,
        // Only LinkedIn has the product; elsewhere the flag would ask a scope the network does not know.
        postAnalytics: input.network === 'linkedin' && input.postAnalytics,
        keychain,
      },
      this.clock.now(),
    );
    this.events.emit({ type: 'accounts.changed', partnerId: null });
    const saved = this.apps.get(input.network);
    if (!saved) throw new Error('OAuth app vanished after saving');
    return toApp(saved);
  }

  async remove(network: AppNetwork): Promise<void> {
    const existing = this.apps.get(network);
    if (!existing) return;
    await this.secrets.remove(existing.keychain);
    this.apps.delete(network);
    this.events.emit({ type: 'accounts.changed', partnerId: null });
  }

  /** The client to sign in with; reads the keychain. */
  async client(network: AppNetwork): Promise<AppClient> {
    const record = this.apps.get(network);
    if (!record) throw new CredentialFailure('oauth_app_missing');
    const secret = await this.secrets.read(record.keychain, AppClientSecret);
    if (secret === null) throw new CredentialFailure('oauth_app_missing');
    return { clientId: secret.clientId, clientSecret: secret.clientSecret, redirectPort: record.redirectPort, postAnalytics: record.postAnalytics };
  }
}
