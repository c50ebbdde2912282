import { useState } from 'react';
import type { InputHTMLAttributes, SyntheticEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/errors';
import { MailAccountInput, MailSecurity as MailSecuritySchema } from '../../../shared/credentials/mail';
import type { MailAccount, MailSecurity, MailTest, ProbeResult } from '../../../shared/credentials/mail';
import { api } from '../api';
import { useDateFormat } from '../ui/useDateFormat';
import { issuesByPath } from './fieldIssues';
import { failureNotice } from './notice';
import type { Notice } from './notice';
import { NoticeLine } from './NoticeLine';
import { accountKeys, keychainFailed, keychainWorked, useMailAccount } from './queries';
import './accounts.css';

type Server = 'smtp' | 'imap';
interface ServerValues {
  host: string;
  port: string;
  security: MailSecurity;
}
interface Values {
  smtp: ServerValues;
  imap: ServerValues;
  username: string;
  fromAddress: string;
  fromName: string;
}

/** The usual port for each kind of security, so switching security follows along when the port was a default. */
const defaultPorts: Record<Server, Record<MailSecurity, number>> = {
  smtp: { tls: 465, starttls: 587, none: 25 },
  imap: { tls: 993, starttls: 143, none: 143 },
};

const fromAccount = (mail: MailAccount | null): Values => ({
  smtp: mail ? { ...mail.smtp, port: String(mail.smtp.port) } : { host: '', port: '587', security: 'starttls' },
  imap: mail ? { ...mail.imap, port: String(mail.imap.port) } : { host: '', port: '993', security: 'tls' },
  username: mail?.username ?? '',
  fromAddress: mail?.fromAddress ?? '',
  fromName: mail?.fromName ?? '',
});

/** One server's test, in words: a wrong name or port says which (host, port), never « hors ligne » while online. */
function probeNotice(t: TFunction, server: string, result: ProbeResult): Notice {
  switch (result.outcome) {
    case 'ok':
      return { kind: 'ok', text: t('accounts.mail.ok', { server }) };
    case 'offline':
      return { kind: 'offline', text: t('accounts.mail.offline', { server }) };
    case 'noAnswer':
      return { kind: 'error', text: t('accounts.mail.noAnswer', { server }) };
    case 'failed':
      return { kind: 'error', text: t('accounts.mail.failed', { server, message: t(result.messageKey, result.params ?? {}) }) };
  }
}

function MailForm({ mail }: { mail: MailAccount | null }) {
  const { t } = useTranslation();
  const { relative } = useDateFormat();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => fromAccount(mail));
  // Write-only: empty on every render after a save, whatever is in the keychain.
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [probes, setProbes] = useState<MailTest | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'remove' | null>(null);

  const setServer = (server: Server, patch: Partial<ServerValues>) =>
    setValues((current) => {
      const next = { ...current[server], ...patch };
      if (patch.security !== undefined && current[server].port === String(defaultPorts[server][current[server].security])) {
        next.port = String(defaultPorts[server][patch.security]);
      }
      return { ...current, [server]: next };
    });

  const run = async (kind: 'save' | 'test' | 'remove', work: () => Promise<void>) => {
    setBusy(kind);
    setNotice(null);
    try {
      await work();
      keychainWorked(queryClient);
    } catch (error) {
      keychainFailed(queryClient, error);
      if (error instanceof ApiError && error.code === 'validation') setErrors(issuesByPath(t, error));
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(null);
    }
  };

  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    const input = {
      smtp: { ...values.smtp, port: Number(values.smtp.port) },
      imap: { ...values.imap, port: Number(values.imap.port) },
      username: values.username,
      fromAddress: values.fromAddress,
      fromName: values.fromName,
      ...(password === '' ? {} : { password }),
    };
    const checked = MailAccountInput.safeParse(input);
    const missingPassword = mail === null && password === '';
    if (!checked.success || missingPassword) {
      setErrors({ ...(checked.success ? {} : issuesByPath(t, checked.error)), ...(missingPassword ? { password: t('accounts.errors.mail_password_required') } : {}) });
      return;
    }
    setErrors({});
    setProbes(null);
    void run('save', async () => {
      await api.call('mail.save', input);
      setPassword('');
      setNotice({ kind: 'ok', text: t('accounts.mail.saved') });
      await queryClient.invalidateQueries({ queryKey: accountKeys.mail });
    });
  };

  const test = () =>
    run('test', async () => {
      setProbes(await api.call('mail.test', {}));
      await queryClient.invalidateQueries({ queryKey: accountKeys.mail });
    });

  const remove = () => {
    if (!window.confirm(t('accounts.mail.removeConfirm'))) return;
    void run('remove', async () => {
      await api.call('mail.remove', {});
      setValues(fromAccount(null));
      setProbes(null);
      setNotice({ kind: 'ok', text: t('accounts.mail.removed') });
      await queryClient.invalidateQueries({ queryKey: accountKeys.mail });
    });
  };

  const text = (path: string, label: string, value: string, onChange: (value: string) => void, props: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className={errors[path] ? 'field invalid' : 'field'}>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} {...props} />
      {errors[path] ? (
        <span className="field-error" data-testid={`mail-error-${path}`}>
          {errors[path]}
        </span>
      ) : null}
    </label>
  );

  const server = (kind: Server) => (
    <fieldset className="mail-server" data-testid={`mail-${kind}`}>
      <legend>{t(`accounts.mail.${kind}`)}</legend>
      <div className="row">
        {text(`${kind}.host`, t('accounts.mail.host'), values[kind].host, (host) => setServer(kind, { host }), { autoComplete: 'off' })}
        {text(`${kind}.port`, t('accounts.mail.port'), values[kind].port, (port) => setServer(kind, { port }), { inputMode: 'numeric', className: 'port' })}
        <label className="field">
          {t('accounts.mail.security')}
          <select value={values[kind].security} onChange={(e) => setServer(kind, { security: MailSecuritySchema.parse(e.target.value) })}>
            <option value="tls">{t('accounts.mail.securityTls')}</option>
            <option value="starttls">{t('accounts.mail.securityStarttls')}</option>
            <option value="none">{t('accounts.mail.securityNone')}</option>
          </select>
        </label>
      </div>
    </fieldset>
  );

  const failedLast = mail !== null && mail.lastErrorCode !== null && (mail.status === 'untested' || mail.status === 'connected');

  return (
    <form className="mail-form" onSubmit={save} noValidate data-testid="mail-form">
      {mail ? (
        <p className="small">
          {/* A test that failed without saying the password is wrong (server down, TLS, port) leaves the status as it was: the line says it failed, and why. */}
          <span className={`account-status ${failedLast ? 'failed' : mail.status}`} data-testid="mail-status">
            {failedLast ? t('accounts.mail.lastTestFailed') : t(`accounts.status.${mail.status}`)}
          </span>
          {mail.lastTestedAt !== null ? <span className="muted"> {t('accounts.lastTested', { when: relative(mail.lastTestedAt) })}</span> : null}
          {mail.lastErrorCode !== null ? (
            <span className="account-error" data-testid="mail-last-error">
              {' '}
              {t(`accounts.errors.${mail.lastErrorCode}`)}
            </span>
          ) : null}
        </p>
      ) : (
        <p className="muted">{t('accounts.mail.none')}</p>
      )}
      {server('smtp')}
      {server('imap')}
      <div className="row">
        {text('username', t('accounts.mail.username'), values.username, (username) => setValues((v) => ({ ...v, username })), { autoComplete: 'off' })}
        <label className={errors.password ? 'field invalid' : 'field'}>
          {t('accounts.mail.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="mail-password" />
          <span className="hint">{mail?.hasPassword ? t('accounts.mail.passwordKept') : t('accounts.mail.passwordHint')}</span>
          {errors.password ? (
            <span className="field-error" data-testid="mail-error-password">
              {errors.password}
            </span>
          ) : null}
        </label>
      </div>
      <div className="row">
        {text('fromAddress', t('accounts.mail.fromAddress'), values.fromAddress, (fromAddress) => setValues((v) => ({ ...v, fromAddress })), { type: 'email' })}
        {text('fromName', t('accounts.mail.fromName'), values.fromName, (fromName) => setValues((v) => ({ ...v, fromName })))}
      </div>
      <NoticeLine notice={notice} testId="mail-notice" />
      {probes ? (
        <div data-testid="mail-probes">
          <NoticeLine notice={probeNotice(t, 'SMTP', probes.smtp)} testId="mail-probe-smtp" />
          <NoticeLine notice={probeNotice(t, 'IMAP', probes.imap)} testId="mail-probe-imap" />
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== null}>
          {t('accounts.mail.save')}
        </button>
        {mail ? (
          <>
            <button type="button" onClick={() => void test()} disabled={busy !== null}>
              {busy === 'test' ? t('accounts.mail.testing') : t('accounts.mail.test')}
            </button>
            <button type="button" onClick={remove} disabled={busy !== null}>
              {t('accounts.mail.remove')}
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}

/** The workstation's mail account (sign-off requests). The password is write-only. */
export function MailAccountSection() {
  const { t } = useTranslation();
  const mail = useMailAccount();
  return (
    <section className="settings-section" aria-labelledby="mail-account-title">
      <h2 id="mail-account-title">{t('accounts.mail.title')}</h2>
      <p className="hint">{t('accounts.mail.intro')}</p>
      {mail.isPending ? null : <MailForm mail={mail.data ?? null} />}
    </section>
  );
}
