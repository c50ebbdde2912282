import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '../../../shared/credentials/account';
import { api } from '../api';
import { useDateFormat } from '../ui/useDateFormat';
import { Avatar } from './Avatar';
import { failureNotice } from './notice';
import type { Notice } from './notice';
import { NoticeLine } from './NoticeLine';
import { accountKeys, keychainFailed, keychainWorked } from './queries';

interface Props {
  account: Account;
  /** false: the keychain is locked or absent, so nothing that reads a secret can work. */
  keychainAvailable: boolean;
  onReconnect: () => void;
  /** After a disconnect the row is gone: its outcome is shown by the parent. */
  onDisconnected: (notice: Notice) => void;
}

/** One account: who it is (from the last test), its status, and what can be done with it. */
export function AccountRow({ account, keychainAvailable, onReconnect, onDisconnected }: Props) {
  const { t } = useTranslation();
  const { relative, dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'test' | 'disconnect' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const handle = account.handle || account.displayName;
  const status = keychainAvailable ? account.status : 'keychain';
  const statusText = keychainAvailable ? t(`accounts.status.${account.status}`) : t('accounts.keychainStatus');
  // The last failure, unless the test just clicked says the same sentence (shown once).
  const lastError = account.lastErrorCode !== null && account.status !== 'connected' ? t(`accounts.errors.${account.lastErrorCode}`) : null;

  const test = async () => {
    setBusy('test');
    setNotice(null);
    try {
      const result = await api.call('accounts.test', { id: account.id });
      keychainWorked(queryClient);
      if (result.outcome === 'ok') setNotice({ kind: 'ok', text: t('accounts.test_ok', { handle: result.account.handle || result.account.displayName }) });
      else if (result.outcome === 'offline') setNotice({ kind: 'offline', text: t('accounts.test_offline') });
      else setNotice({ kind: 'error', text: t(result.messageKey) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.list });
    } catch (error) {
      keychainFailed(queryClient, error);
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(null);
    }
  };

  const disconnect = async () => {
    setBusy('disconnect');
    setNotice(null);
    try {
      const { revocation } = await api.call('accounts.disconnect', { id: account.id });
      keychainWorked(queryClient);
      onDisconnected({ kind: revocation === 'failed' ? 'error' : revocation === 'offline' ? 'offline' : 'ok', text: t(`accounts.revocation.${revocation}`) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.list });
    } catch (error) {
      keychainFailed(queryClient, error);
      setNotice(failureNotice(t, error));
      setBusy(null);
      setConfirming(false);
    }
  };

  return (
    <li className="account-row" data-testid="account-row" data-network={account.network} data-status={status}>
      <Avatar account={account} alt={t('accounts.avatarAlt', { handle: handle || account.network })} />
      <div className="account-main">
        <div>
          <strong data-testid="account-handle">{handle || t('accounts.noHandle')}</strong>
          {account.displayName && account.displayName !== handle ? <span className="muted"> · {account.displayName}</span> : null}
          <span className={`account-status ${status}`} data-testid="account-status">
            {statusText}
          </span>
        </div>
        <div className="muted small">
          {account.instanceUrl ? (
            <span>
              {t(account.network === 'bluesky' ? 'accounts.serverLabel' : 'accounts.instanceLabel', { instance: new URL(account.instanceUrl).host })} ·{' '}
            </span>
          ) : null}
          {account.lastTestedAt !== null ? <span>{t('accounts.lastTested', { when: relative(account.lastTestedAt) })}</span> : null}
          {account.tokenExpiresAt !== null ? <span> · {t('accounts.expiresOn', { date: dateTime(account.tokenExpiresAt) })}</span> : null}
        </div>
        {lastError !== null && lastError !== notice?.text ? <div className="small account-error">{lastError}</div> : null}
        <NoticeLine notice={notice} testId="account-notice" />
        {confirming ? (
          <div className="account-confirm" role="group" aria-label={t('accounts.disconnect')}>
            <p>{t('accounts.disconnectConfirm', { handle: handle || account.network })}</p>
            <div className="actions">
              <button className="danger" onClick={() => void disconnect()} disabled={busy !== null}>
                {busy === 'disconnect' ? t('accounts.disconnecting') : t('accounts.disconnectYes')}
              </button>
              <button onClick={() => setConfirming(false)} disabled={busy !== null}>
                {t('accounts.disconnectNo')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <div className="account-actions">
        <button onClick={() => void test()} disabled={busy !== null}>
          {busy === 'test' ? t('accounts.testing') : t('accounts.test')}
        </button>
        {account.status !== 'connected' ? <button onClick={onReconnect}>{t('accounts.reconnect')}</button> : null}
        <button onClick={() => setConfirming(true)} disabled={busy !== null || confirming}>
          {t('accounts.disconnect')}
        </button>
      </div>
    </li>
  );
}
