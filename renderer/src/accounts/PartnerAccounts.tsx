import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/credentials/account';
import type { Partner } from '../../../shared/partners/schema';
import { networkLabels, networks } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { AccountRow } from './AccountRow';
import { ConnectPanel } from './ConnectPanel';
import { KeychainNotice } from './KeychainNotice';
import type { Notice } from './notice';
import { NoticeLine } from './NoticeLine';
import { useAccountEvents, useAccounts, useKeychain } from './queries';
import './accounts.css';

/**
 * A partner's accounts, network by network: who each one is (from its last test), its
 * status, and Connect / Test / Reconnect / Disconnect. Secrets are typed here once and never
 * come back: core answers only handles, names, statuses and dates.
 */
export function PartnerAccounts({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  useAccountEvents();
  const accounts = useAccounts();
  const keychain = useKeychain();
  const [connecting, setConnecting] = useState<{ network: Network; account: Account | null } | null>(null);
  const [notice, setNotice] = useState<{ network: Network; notice: Notice } | null>(null);
  const mine = (accounts.data ?? []).filter((account) => account.partnerId === partner.id);
  const keychainAvailable = keychain.data?.available !== false;

  const connected = (network: Network) => (account: Account) => {
    setConnecting(null);
    setNotice({ network, notice: { kind: 'ok', text: t('accounts.connected_ok', { handle: account.handle || account.displayName || networkLabels[network] }) } });
  };

  return (
    <section className="partner-accounts" aria-labelledby="partner-accounts-title" data-testid="partner-accounts">
      <h2 id="partner-accounts-title">{t('accounts.forPartner', { name: partner.displayName })}</h2>
      <p className="hint">{t('accounts.intro')}</p>
      <KeychainNotice />
      <ul className="account-networks">
        {networks.map((network) => {
          const list = mine.filter((account) => account.network === network);
          const open = connecting?.network === network;
          return (
            <li key={network} className="account-network" data-testid={`network-${network}`}>
              <div className="account-network-head">
                <strong>{networkLabels[network]}</strong>
                {list.length === 0 ? <span className="muted small">—</span> : null}
                <button
                  onClick={() => {
                    setNotice(null);
                    setConnecting(open ? null : { network, account: null });
                  }}
                  aria-expanded={open}
                  aria-label={t('accounts.connectNetwork', { network: networkLabels[network] })}
                >
                  {t('accounts.connectShort')}
                </button>
              </div>
              {list.length > 0 ? (
                <ul className="account-list">
                  {list.map((account) => (
                    <AccountRow
                      key={account.id}
                      account={account}
                      keychainAvailable={keychainAvailable}
                      onReconnect={() => {
                        setNotice(null);
                        setConnecting({ network, account });
                      }}
                      onDisconnected={(outcome) => setNotice({ network, notice: outcome })}
                    />
                  ))}
                </ul>
              ) : null}
              {open ? (
                <ConnectPanel
                  key={connecting.account?.id ?? 'new'}
                  partnerId={partner.id}
                  network={network}
                  account={connecting.account}
                  onConnected={connected(network)}
                  onCancel={() => setConnecting(null)}
                />
              ) : null}
              {notice?.network === network ? <NoticeLine notice={notice.notice} testId="network-notice" /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
