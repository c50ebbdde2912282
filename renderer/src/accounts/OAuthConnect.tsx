import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/credentials/account';
import type { OAuthNetwork } from '../../../shared/credentials/networks';
import { networkLabels } from '../../../shared/posts/networks';
import { ApiError } from '../../../shared/api/errors';
import { issuesByPath } from './fieldIssues';
import { failureNotice } from './notice';
import { NoticeLine } from './NoticeLine';
import { useOAuthFlow } from './useOAuthFlow';
import { FormActions } from '../ui/FormActions';

interface Props {
  partnerId: string;
  network: OAuthNetwork;
  /** Re-authenticates this account instead of adding one. */
  account: Account | null;
  onConnected: (account: Account) => void;
  onCancel: () => void;
}

/**
 * The native-app sign-in (RFC 8252): one click opens the network's page in the browser; the
 * panel then waits for the network to redirect back to core, with a link to open the page
 * again (a blocked tab, a closed one) and a cancel button. Mastodon first asks the instance.
 */
export function OAuthConnect({ partnerId, network, account, onConnected, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { view, start, cancel } = useOAuthFlow(onConnected);
  const [instance, setInstance] = useState(account?.instanceUrl ?? '');
  const label = networkLabels[network];

  const begin = (event: SyntheticEvent) => {
    event.preventDefault();
    start({
      partnerId,
      network,
      // The browser tab the sign-in ends on speaks the interface's language.
      language: i18n.language === 'en' ? 'en' : 'fr',
      ...(network === 'mastodon' ? { instanceUrl: instance.trim() } : {}),
      ...(account ? { accountId: account.id } : {}),
    });
  };

  if (view.step === 'waiting') {
    return (
      <div className="connect-form oauth-waiting" role="status" data-testid="oauth-waiting">
        <p>
          <span className="spinner" aria-hidden="true" /> {t('accounts.oauth.waiting')}
        </p>
        <div className="actions">
          <a href={view.authorizationUrl} target="_blank" rel="noopener noreferrer">
            {t('accounts.oauth.openAgain')}
          </a>
          <button
            type="button"
            onClick={() => {
              cancel();
              onCancel();
            }}
          >
            {t('accounts.oauth.cancel')}
          </button>
        </div>
      </div>
    );
  }

  const failed = view.step === 'failed' ? view.error : null;
  const instanceError = failed instanceof ApiError && failed.code === 'validation' ? issuesByPath(t, failed).instanceUrl : undefined;
  const notice = failed === null || instanceError !== undefined ? null : failureNotice(t, failed);
  return (
    <form className="connect-form" onSubmit={begin} noValidate data-testid="oauth-form">
      <p className="hint">{t('accounts.oauth.explain', { network: label })}</p>
      {network === 'mastodon' ? (
        <label className={instanceError ? 'field invalid' : 'field'}>
          {t('accounts.mastodon.instance')}
          <input type="url" value={instance} onChange={(e) => setInstance(e.target.value)} placeholder="https://mastodon.social" spellCheck={false} required />
          <span className="hint">{t('accounts.mastodon.instanceHint')}</span>
          {instanceError ? <span className="field-error">{instanceError}</span> : null}
        </label>
      ) : null}
      <NoticeLine notice={notice} testId="oauth-notice" />
      <FormActions
        busy={view.step === 'starting'}
        submit={view.step === 'starting' ? t('accounts.oauth.starting') : t('accounts.oauth.start')}
        cancel={t('accounts.oauth.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
