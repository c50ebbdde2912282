import { randomUUID } from 'node:crypto';
import type { Account } from '../../../../shared/credentials/account';
import type { OAuthFlowState, OAuthStart, StartOAuthFields } from '../../../../shared/credentials/connect';
import type { OAuthNetwork } from '../../../../shared/credentials/networks';
import type { Clock } from '../../clock';
import { notFound } from '../../errors';
import type { Logger } from '../../log';
import type { PartnerRepository } from '../../partners/repository';
import { CredentialFailure, failureCode } from '../failure';
import { authorizationRequest } from '../oauth/authorizationRequest';
import type { AuthorizationRequest } from '../oauth/authorizationRequest';
import { validateCallback } from '../oauth/callback';
import { mastodonEndpoints } from '../oauth/endpoints';
import type { OAuthFlows } from '../oauth/flows';
import { openLoopbackListener } from '../oauth/loopbackListener';
import type { LoopbackListener } from '../oauth/loopbackListener';
import { registerMastodonApp } from '../oauth/mastodonApp';
import type { OAuthClient } from '../oauth/oauthClient';
import { revokeTokens } from '../oauth/revoke';
import { exchangeCode } from '../oauth/tokens';
import type { OAuthSecret } from '../secretBundles';
import type { SecretStore } from '../secrets';
import type { Identity } from '../whoami/identity';
import { oauthWhoami } from '../whoami/oauthWhoami';
import type { AccountRecord, AccountRepository } from './repository';
import { mastodonInstance } from './targets';
import type { OAuthTargets } from './targets';
import type { AccountWriter } from './writer';

interface PendingFlow {
  partnerId: string;
  network: OAuthNetwork;
  existing: AccountRecord | null;
  target: OAuthClient;
  listener: LoopbackListener;
  request: AuthorizationRequest;
  instanceUrl: string | null;
  facebookPageId: string | undefined;
}

/**
 * The RFC 8252 native-app flow. startOAuth opens a loopback listener and answers the
 * authorization URL for the UI to open in the system browser; when the network redirects to
 * the listener, core checks `state`, exchanges the code with the PKCE verifier, asks the
 * network who the account is and stores the tokens in the keychain. The UI follows the flow
 * with awaitOAuth (long poll) or the `accounts.oauthFinished` event.
 */
export class OAuthConnect {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly accounts: AccountRepository,
    private readonly targets: OAuthTargets,
    private readonly writer: AccountWriter,
    private readonly secrets: SecretStore,
    private readonly flows: OAuthFlows,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timeoutMs: number,
  ) {}

  async start(input: StartOAuthFields): Promise<OAuthStart> {
    if (!this.partners.get(input.partnerId)) throw notFound('partner', input.partnerId);
    const existing = input.accountId === undefined ? null : this.accounts.get(input.accountId);
    if (input.accountId !== undefined && (existing?.account.partnerId !== input.partnerId || existing.account.network !== input.network)) {
      throw new CredentialFailure('account_not_found');
    }
    // Fail before the user consents in the browser if the tokens could not be kept anyway.
    await this.secrets.probe();

    // The tab the sign-in ends on speaks the interface's language.
    const language = input.language === undefined ? {} : { language: input.language };
    let target: OAuthClient;
    let listener: LoopbackListener;
    let instanceUrl: string | null = null;
    if (input.network === 'mastodon') {
      const instance = mastodonInstance(input.instanceUrl ?? existing?.account.instanceUrl);
      instanceUrl = instance.origin;
      listener = await openLoopbackListener({ timeoutMs: this.timeoutMs, ...language });
      try {
        const endpoints = mastodonEndpoints(instance);
        const app = await registerMastodonApp(endpoints.apps, listener.redirectUri, endpoints.scopes);
        target = this.targets.forMastodon(instance, app.clientId, app.clientSecret);
      } catch (error) {
        listener.cancel();
        throw error;
      }
    } else {
      const app = await this.targets.forApp(input.network);
      target = app.target;
      listener = await openLoopbackListener({ timeoutMs: this.timeoutMs, ...language, ...(app.redirectPort === null ? {} : { port: app.redirectPort }) });
    }

    const request = await authorizationRequest(target, listener.redirectUri);
    const flowId = randomUUID();
    const expiresAt = this.clock.now() + this.timeoutMs;
    const pending: PendingFlow = {
      partnerId: input.partnerId,
      network: input.network,
      existing,
      target,
      listener,
      request,
      instanceUrl,
      facebookPageId: input.facebookPageId,
    };
    this.flows.register(flowId, expiresAt, listener, this.complete(pending));
    return { flowId, authorizationUrl: request.url, redirectUri: listener.redirectUri, expiresAt };
  }

  wait(flowId: string, waitMs: number): Promise<OAuthFlowState> {
    return this.flows.wait(flowId, waitMs);
  }

  cancel(flowId: string): void {
    this.flows.cancel(flowId);
  }

  private async complete(flow: PendingFlow): Promise<Account> {
    const callback = await flow.listener.callback;
    try {
      const params = validateCallback(flow.target, callback.params, flow.request.state);
      const tokens = await exchangeCode(flow.target, params, flow.listener.redirectUri, flow.request.codeVerifier, this.clock.now(), flow.facebookPageId);
      const identity = await this.identify(flow, tokens.accessToken);
      const secret: OAuthSecret = {
        kind: 'oauth',
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
        // Mastodon: the app registered for this sign-in, needed to refresh and revoke.
        ...(flow.network === 'mastodon' ? { clientId: flow.target.clientId, clientSecret: flow.target.clientSecret } : {}),
      };
      let account: Account;
      try {
        account = await this.writer.save({
          partnerId: flow.partnerId,
          network: flow.network,
          existing: flow.existing,
          identity,
          secret,
          instanceUrl: flow.instanceUrl,
          expiresAt: tokens.expiresAt,
          refreshable: tokens.refreshable,
          ...(tokens.scopes === undefined ? {} : { grantedScopes: tokens.scopes }),
        });
      } catch (error) {
        // Tokens we cannot keep should not stay valid on the network either.
        await revokeTokens(flow.target, tokens).catch(() => undefined);
        throw error;
      }
      callback.respond('connected');
      return account;
    } catch (error) {
      callback.respond('failed');
      this.log.info(`oauth sign-in on ${flow.network} failed: ${failureCode(error)}`);
      throw error;
    }
  }

  /** Who signed in; an unreachable who-am-I leaves the account untested rather than lost. */
  private async identify(flow: PendingFlow, accessToken: string): Promise<Identity | null> {
    try {
      return await oauthWhoami(flow.network, flow.target.endpoints, accessToken);
    } catch (error) {
      if (failureCode(error) === 'network_unreachable') return null;
      throw error;
    }
  }
}
