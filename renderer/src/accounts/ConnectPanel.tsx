import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/credentials/account';
import { isAppNetwork } from '../../../shared/credentials/networks';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { BlueskyConnectForm } from './BlueskyConnectForm';
import { OAuthConnect } from './OAuthConnect';
import { useOAuthApps } from './queries';
import { AppLink } from '../ui/AppLink';

interface Props {
  partnerId: string;
  network: Network;
  account: Account | null;
  onConnected: (account: Account) => void;
  onCancel: () => void;
}

/** How to connect this network: app password (Bluesky), instance + OAuth (Mastodon), OAuth with the user's app. */
export function ConnectPanel({ partnerId, network, account, onConnected, onCancel }: Props) {
  const { t } = useTranslation();
  const apps = useOAuthApps();
  if (network === 'bluesky') return <BlueskyConnectForm partnerId={partnerId} account={account} onConnected={onConnected} onCancel={onCancel} />;
  if (isAppNetwork(network) && apps.data !== undefined && !apps.data.some((app) => app.network === network)) {
    return (
      <div className="connect-form" data-testid="app-missing">
        <p>{t('accounts.appMissing', { network: networkLabels[network] })}</p>
        <div className="actions">
          <AppLink className="button" to="#/settings">
            {t('accounts.openSettings')}
          </AppLink>
          <button type="button" onClick={onCancel}>
            {t('accounts.oauth.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return <OAuthConnect partnerId={partnerId} network={network} account={account} onConnected={onConnected} onCancel={onCancel} />;
}
