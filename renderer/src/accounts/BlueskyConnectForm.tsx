import { useId, useState } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '../../../shared/credentials/account';
import { BlueskyConnectInput } from '../../../shared/credentials/connect';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { issuesByPath } from './fieldIssues';
import { failureNotice } from './notice';
import type { Notice } from './notice';
import { NoticeLine } from './NoticeLine';
import { accountKeys, keychainFailed, keychainWorked } from './queries';
import { FormActions } from '../ui/FormActions';

interface Props {
  partnerId: string;
  /** Re-authenticates this account instead of adding one. */
  account: Account | null;
  onConnected: (account: Account) => void;
  onCancel: () => void;
}

/** Bluesky: handle (or e-mail) and an app password; an optional PDS for self-hosted accounts. */
export function BlueskyConnectForm({ partnerId, account, onConnected, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [identifier, setIdentifier] = useState(account?.handle.replace(/^@/, '') ?? '');
  const [appPassword, setAppPassword] = useState('');
  const [service, setService] = useState(account?.instanceUrl ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = {
      partnerId,
      identifier,
      appPassword,
      ...(service.trim() === '' ? {} : { service: service.trim() }),
      ...(account ? { accountId: account.id } : {}),
    };
    // A new attempt: the last one's outcome no longer says anything about these values.
    setNotice(null);
    const checked = BlueskyConnectInput.safeParse(input);
    if (!checked.success) {
      setErrors(issuesByPath(t, checked.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const connected = await api.call('accounts.connectBluesky', input);
      keychainWorked(queryClient);
      setAppPassword('');
      await queryClient.invalidateQueries({ queryKey: accountKeys.list });
      onConnected(connected);
    } catch (error) {
      keychainFailed(queryClient, error);
      if (error instanceof ApiError && error.code === 'validation') setErrors(issuesByPath(t, error));
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, control: ReactNode, hint?: string) => (
    <label className={errors[name] ? 'field invalid' : 'field'}>
      {label}
      {control}
      {hint ? <span className="hint">{hint}</span> : null}
      {errors[name] ? (
        <span className="field-error" id={`${id}-${name}-error`}>
          {errors[name]}
        </span>
      ) : null}
    </label>
  );

  return (
    <form className="connect-form" onSubmit={(event) => void submit(event)} noValidate data-testid="bluesky-form">
      {field(
        'identifier',
        t('accounts.bluesky.identifier'),
        <input value={identifier} onChange={(e) => setIdentifier(e.target.value)} autoComplete="username" spellCheck={false} />,
      )}
      {field(
        'appPassword',
        t('accounts.bluesky.appPassword'),
        <input type="password" value={appPassword} onChange={(e) => setAppPassword(e.target.value)} autoComplete="off" spellCheck={false} />,
        t('accounts.bluesky.appPasswordHint'),
      )}
      {field(
        'service',
        t('accounts.bluesky.service'),
        <input type="url" value={service} onChange={(e) => setService(e.target.value)} placeholder="https://bsky.social" spellCheck={false} />,
        t('accounts.bluesky.serviceHint'),
      )}
      <NoticeLine notice={notice} testId="bluesky-notice" />
      <FormActions busy={busy} submit={busy ? t('accounts.bluesky.submitting') : t('accounts.bluesky.submit')} cancel={t('accounts.oauth.cancel')} onCancel={onCancel} />
    </form>
  );
}
