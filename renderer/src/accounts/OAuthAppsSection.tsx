import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/errors';
import { appNetworks } from '../../../shared/credentials/networks';
import type { AppNetwork } from '../../../shared/credentials/networks';
import type { OAuthApp } from '../../../shared/credentials/oauthApp';
import { OAuthAppInput } from '../../../shared/credentials/oauthApp';
import { networkLabels } from '../../../shared/posts/networks';
import { api } from '../api';
import { issuesByPath } from './fieldIssues';
import { failureNotice } from './notice';
import type { Notice } from './notice';
import { NoticeLine } from './NoticeLine';
import { accountKeys, keychainFailed, keychainWorked, useOAuthApps } from './queries';
import './accounts.css';

/** The user's own developer app per network: the client ID is shown, the secret is write-only. */
function AppForm({ network, app }: { network: AppNetwork; app: OAuthApp | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const label = networkLabels[network];
  const [clientId, setClientId] = useState(app?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [clearSecret, setClearSecret] = useState(false);
  const [port, setPort] = useState(app?.redirectPort === null || app === null ? '' : String(app.redirectPort));
  const [postAnalytics, setPostAnalytics] = useState(app?.postAnalytics ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = {
      network,
      clientId,
      ...(clientSecret === '' ? {} : { clientSecret }),
      clearSecret: clientSecret === '' && clearSecret,
      // NaN fails the schema's integer check: a typo gets the field's message, not a silent default.
      redirectPort: port.trim() === '' ? null : Number(port),
      postAnalytics: network === 'linkedin' && postAnalytics,
    };
    const checked = OAuthAppInput.safeParse(input);
    if (!checked.success) {
      setErrors(issuesByPath(t, checked.error));
      return;
    }
    setErrors({});
    setNotice(null);
    setBusy(true);
    try {
      await api.call('accounts.apps.save', input);
      keychainWorked(queryClient);
      setClientSecret('');
      setClearSecret(false);
      setNotice({ kind: 'ok', text: t('accounts.apps.saved', { network: label }) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.apps });
    } catch (error) {
      keychainFailed(queryClient, error);
      if (error instanceof ApiError && error.code === 'validation') setErrors(issuesByPath(t, error));
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('accounts.apps.removeConfirm', { network: label }))) return;
    setBusy(true);
    try {
      await api.call('accounts.apps.remove', { network });
      keychainWorked(queryClient);
      setClientId('');
      setPort('');
      setNotice({ kind: 'ok', text: t('accounts.apps.removed', { network: label }) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.apps });
    } catch (error) {
      keychainFailed(queryClient, error);
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="app-form" onSubmit={(event) => void save(event)} noValidate data-testid={`app-${network}`}>
      <div className="row">
        <label className={errors.clientId ? 'field invalid' : 'field'}>
          {t('accounts.apps.clientId')}
          <input value={clientId} onChange={(e) => setClientId(e.target.value)} spellCheck={false} autoComplete="off" />
          {errors.clientId ? <span className="field-error">{errors.clientId}</span> : null}
        </label>
        <label className={errors.clientSecret ? 'field invalid' : 'field'}>
          {t('accounts.apps.clientSecret')}
          <input type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" spellCheck={false} />
          {app?.hasClientSecret ? <span className="hint">{t('accounts.apps.clientSecretKept')}</span> : null}
          {errors.clientSecret ? <span className="field-error">{errors.clientSecret}</span> : null}
        </label>
      </div>
      {app?.hasClientSecret ? (
        <label className="checkbox">
          <input type="checkbox" checked={clearSecret} onChange={(e) => setClearSecret(e.target.checked)} disabled={clientSecret !== ''} />
          {t('accounts.apps.clearSecret')}
        </label>
      ) : null}
      <label className={errors.redirectPort ? 'field invalid narrow' : 'field narrow'}>
        {t('accounts.apps.redirectPort')}
        <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
        <span className="hint">{t('accounts.apps.portHint')}</span>
        {errors.redirectPort ? <span className="field-error">{errors.redirectPort}</span> : null}
      </label>
      {network === 'linkedin' ? (
        <label className="checkbox">
          <input type="checkbox" checked={postAnalytics} onChange={(e) => setPostAnalytics(e.target.checked)} data-testid="app-post-analytics" />
          {t('accounts.apps.postAnalytics')}
          <span className="hint">{t('accounts.apps.postAnalyticsHint')}</span>
        </label>
      ) : null}
      {app ? <p className="small" data-testid="redirect-uri">{t('accounts.apps.redirectUri', { uri: app.redirectUri })}</p> : null}
      <NoticeLine notice={notice} testId="app-notice" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.apps.save')}
        </button>
        {app ? (
          <button type="button" onClick={() => void remove()} disabled={busy}>
            {t('accounts.apps.remove')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function OAuthAppsSection() {
  const { t } = useTranslation();
  const apps = useOAuthApps();
  return (
    <section className="settings-section" aria-labelledby="oauth-apps-title">
      <h2 id="oauth-apps-title">{t('accounts.apps.title')}</h2>
      <p className="hint">{t('accounts.apps.intro')}</p>
      {apps.data === undefined
        ? null
        : appNetworks.map((network) => {
            const app = apps.data.find((candidate) => candidate.network === network) ?? null;
            return (
              <details key={network} className="app-details">
                <summary>
                  <strong>{networkLabels[network]}</strong>{' '}
                  <span className={app ? 'account-status connected' : 'account-status untested'}>
                    {app ? t('accounts.apps.configured') : t('accounts.apps.notConfigured')}
                  </span>
                </summary>
                <AppForm network={network} app={app} />
              </details>
            );
          })}
    </section>
  );
}
