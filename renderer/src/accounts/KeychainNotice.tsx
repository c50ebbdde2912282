import { useTranslation } from 'react-i18next';
import { useKeychain } from './queries';

/** Said before anyone types a secret: the keychain is locked or absent, nothing would be saved. */
export function KeychainNotice() {
  const { t } = useTranslation();
  const keychain = useKeychain();
  if (keychain.data?.available !== false) return null;
  return (
    <div className="banner warn keychain-notice" role="alert" data-testid="keychain-unavailable">
      <span>{t('accounts.errors.keychain_unavailable')}</span>
      <button onClick={() => void keychain.refetch()} disabled={keychain.isFetching}>
        {t('accounts.keychainRetry')}
      </button>
    </div>
  );
}
