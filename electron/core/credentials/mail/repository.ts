import type { Database } from 'better-sqlite3';
import type { AccountStatus } from '../../../../shared/credentials/account';
import { CredentialErrorCode } from '../../../../shared/credentials/errors';
import type { MailAccount, MailSecurity } from '../../../../shared/credentials/mail';
import type { KeychainRef } from '../secrets';

interface MailRow {
  smtp_host: string;
  smtp_port: number;
  smtp_security: MailSecurity;
  imap_host: string;
  imap_port: number;
  imap_security: MailSecurity;
  username: string;
  from_address: string;
  from_name: string;
  status: AccountStatus;
  last_error: string | null;
  last_tested_at: number | null;
  keychain_service: string;
  keychain_account: string;
  updated_at: number;
}

export interface MailRecord {
  account: MailAccount;
  keychain: KeychainRef;
}

export type MailFields = Pick<MailAccount, 'smtp' | 'imap' | 'username' | 'fromAddress' | 'fromName'>;

const toRecord = (row: MailRow): MailRecord => {
  const lastError = CredentialErrorCode.safeParse(row.last_error);
  return {
    account: {
      smtp: { host: row.smtp_host, port: row.smtp_port, security: row.smtp_security },
      imap: { host: row.imap_host, port: row.imap_port, security: row.imap_security },
      username: row.username,
      fromAddress: row.from_address,
      fromName: row.from_name,
      hasPassword: true,
      status: row.status,
      lastErrorCode: lastError.success ? lastError.data : null,
      lastTestedAt: row.last_tested_at,
      updatedAt: row.updated_at,
    },
    keychain: { service: row.keychain_service, account: row.keychain_account },
  };
};

/** The only code that reads or writes the mail_account row. */
export class MailRepository {
  constructor(private readonly db: Database) {}

  get(): MailRecord | null {
    const row = this.db.prepare<[], MailRow>('SELECT * FROM mail_account WHERE id = 1').get();
    return row ? toRecord(row) : null;
  }

  /** Saving new settings makes the account untested again. */
  save(fields: MailFields, keychain: KeychainRef, now: number): void {
    this.db
      .prepare(
        `INSERT INTO mail_account (id, smtp_host, smtp_port, smtp_security, imap_host, imap_port, imap_security, username,
           from_address, from_name, status, last_error, last_tested_at, keychain_service, keychain_account, created_at, updated_at)
         VALUES (1, @smtpHost, @smtpPort, @smtpSecurity, @imapHost, @imapPort, @imapSecurity, @username,
           @fromAddress, @fromName, 'untested', NULL, NULL, @service, @account, @now, @now)
         ON CONFLICT (id) DO UPDATE SET smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port,
           smtp_security = excluded.smtp_security, imap_host = excluded.imap_host, imap_port = excluded.imap_port,
           imap_security = excluded.imap_security, username = excluded.username, from_address = excluded.from_address,
           from_name = excluded.from_name, status = 'untested', last_error = NULL,
           keychain_service = excluded.keychain_service, keychain_account = excluded.keychain_account,
           updated_at = excluded.updated_at`,
      )
      .run({
        smtpHost: fields.smtp.host,
        smtpPort: fields.smtp.port,
        smtpSecurity: fields.smtp.security,
        imapHost: fields.imap.host,
        imapPort: fields.imap.port,
        imapSecurity: fields.imap.security,
        username: fields.username,
        fromAddress: fields.fromAddress,
        fromName: fields.fromName,
        service: keychain.service,
        account: keychain.account,
        now,
      });
  }

  setStatus(status: AccountStatus, error: CredentialErrorCode | null, now: number): void {
    this.db
      .prepare('UPDATE mail_account SET status = ?, last_error = ?, last_tested_at = ?, updated_at = ? WHERE id = 1')
      .run(status, error, now, now);
  }

  delete(): void {
    this.db.prepare('DELETE FROM mail_account WHERE id = 1').run();
  }
}
