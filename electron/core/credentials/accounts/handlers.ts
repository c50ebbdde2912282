import type { Logger } from '../../log';
import { defineHandlers } from '../../router';
import type { AppService } from '../apps/service';
import type { AvatarCache } from './avatars';
import { credentialGuard } from '../guard';
import type { OAuthConnect } from './oauthConnect';
import type { AccountService } from './service';

export const accountHandlers = (accounts: AccountService, oauth: OAuthConnect, apps: AppService, avatars: AvatarCache, log: Logger) => {
  const guard = credentialGuard(log);
  return defineHandlers({
    'accounts.list': ({ partnerId }) => accounts.list(partnerId),
    'accounts.connectBluesky': (input) => guard(() => accounts.connectBluesky(input)),
    'accounts.startOAuth': (input) => guard(() => oauth.start(input)),
    'accounts.awaitOAuth': ({ flowId, waitMs }) => guard(() => oauth.wait(flowId, waitMs)),
    'accounts.cancelOAuth': ({ flowId }) =>
      guard(() => {
        oauth.cancel(flowId);
        return { ok: true as const };
      }),
    'accounts.test': ({ id }) => guard(() => accounts.test(id)),
    'accounts.disconnect': ({ id }) => guard(async () => ({ revocation: await accounts.disconnect(id) })),
    'accounts.keychain': () => guard(async () => ({ available: await accounts.keychainAvailable() })),
    'accounts.avatar': ({ id }) => guard(async () => ({ dataUrl: await avatars.dataUrl(accounts.get(id).avatarUrl) })),
    'accounts.apps.list': () => apps.list(),
    'accounts.apps.save': (input) => guard(() => apps.save(input)),
    'accounts.apps.remove': ({ network }) =>
      guard(async () => {
        await apps.remove(network);
        return { ok: true as const };
      }),
  });
};
