import { useTranslation } from 'react-i18next';
import { networkLabels } from '../../../shared/posts/networks';
import { useAccounts, useKeychain } from './queries';
import './accounts.css';
import { AppLink } from '../ui/AppLink';

/** On a partner's card: one badge per account (network and status), linking to the partner's page. */
export function AccountBadges({ partnerId, name }: { partnerId: string; name: string }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const mine = (accounts.data ?? []).filter((account) => account.partnerId === partnerId);
  const keychain = useKeychain(mine.length > 0);
  if (mine.length === 0) return null;
  const keychainAvailable = keychain.data?.available !== false;
  return (
    <AppLink className="account-badges" to={`#/partners/${partnerId}`} aria-label={t('accounts.badgesLabel', { name })} data-testid="account-badges">
      {mine.map((account) => {
        const status = keychainAvailable ? account.status : 'keychain';
        const statusText = keychainAvailable ? t(`accounts.status.${account.status}`) : t('accounts.keychainStatus');
        return (
          <span key={account.id} className={`account-status ${status}`} title={`${networkLabels[account.network]} ${account.handle} — ${statusText}`}>
            {networkLabels[account.network]} · {statusText}
          </span>
        );
      })}
    </AppLink>
  );
}
