import type { MailAccount, MailAccountInput, MailTest, ProbeResult } from '../../../../shared/credentials/mail';
import { MailAccountInput as MailAccountInputSchema } from '../../../../shared/credentials/mail';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import { CredentialFailure } from '../failure';
import { MailSecret } from '../secretBundles';
import { newKeychainRef } from '../secrets';
import type { SecretStore } from '../secrets';
import { statusAfter } from '../accounts/checks';
import { probeImap, probeSmtp } from './probe';
import type { MailRecord, MailRepository } from './repository';

/** The workstation's one mail account (sign-off requests): settings in SQLite, password in the keychain. */
export class MailService {
  constructor(
    private readonly mail: MailRepository,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** Whether the machine is online (the UI's report, as the outbox sees it). */
    private readonly online: () => boolean = () => true,
  ) {}

  get(): MailAccount | null {
    return this.mail.get()?.account ?? null;
  }

  async save(raw: MailAccountInput): Promise<MailAccount> {
    const input = MailAccountInputSchema.parse(raw);
    const existing = this.mail.get();
    if (!existing && input.password === undefined) throw new CredentialFailure('mail_password_required');
    const keychain = existing?.keychain ?? newKeychainRef('mail', 'workstation');
    if (input.password !== undefined) await this.secrets.write(keychain, MailSecret, { password: input.password });
    this.mail.save(input, keychain, this.clock.now());
    this.events.emit({ type: 'accounts.changed', partnerId: null });
    return this.require().account;
  }

  /**
   * SMTP and IMAP each: connect and authenticate. Offline is `offline`, not a failure. A name
   * that does not resolve, or a refused port, is a failure of the settings when the machine is
   * otherwise online (the UI says so, or the other server answered); offline, it is `offline`.
   */
  async test(): Promise<MailTest> {
    const record = this.require();
    const { password } = await this.secrets.require(record.keychain, MailSecret);
    const login = { username: record.account.username, password };
    const probes = await Promise.all([probeSmtp(record.account.smtp, login), probeImap(record.account.imap, login)]);
    const online = this.online() || probes.some((result) => result.outcome === 'ok');
    const settled = (result: ProbeResult): ProbeResult =>
      !online && result.outcome === 'failed' && (result.code === 'mail_host_not_found' || result.code === 'mail_connection_refused') ? { outcome: 'offline' } : result;
    const smtp = settled(probes[0]);
    const imap = settled(probes[1]);
    const failed = [smtp, imap].find((result): result is Extract<ProbeResult, { outcome: 'failed' }> => result.outcome === 'failed');
    if (failed) this.mail.setStatus(statusAfter(failed.code) ?? record.account.status, failed.code, this.clock.now());
    else if (smtp.outcome === 'ok' && imap.outcome === 'ok') this.mail.setStatus('connected', null, this.clock.now());
    this.events.emit({ type: 'accounts.changed', partnerId: null });
    return { smtp, imap, account: this.require().account };
  }

  async remove(): Promise<void> {
    const record = this.mail.get();
    if (!record) return;
    await this.secrets.remove(record.keychain);
    this.mail.delete();
    this.events.emit({ type: 'accounts.changed', partnerId: null });
  }

  /** For the sign-off feature: everything needed to send and read, never sent to the UI. */
  async login(): Promise<{ account: MailAccount; password: string }> {
    const record = this.require();
    const { password } = await this.secrets.require(record.keychain, MailSecret);
    return { account: record.account, password };
  }

  private require(): MailRecord {
    const record = this.mail.get();
    if (!record) throw new CredentialFailure('mail_not_configured');
    return record;
  }
}
