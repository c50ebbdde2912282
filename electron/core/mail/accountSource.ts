import type { MailAccount } from '../../../shared/credentials/mail';
import type { MailAccountSource } from './settings';

/** What the credentials feature's MailService offers sign-off. */
export interface MailAccountService {
  get(): MailAccount | null;
  login(): Promise<{ password: string }>;
}

/** The app's mail account as sign-off reads it: settings from SQLite, password from the keychain. */
export function mailAccountFrom(service: () => MailAccountService): MailAccountSource {
  return {
    settings: () => {
      const account = service().get();
      return account
        ? { smtp: account.smtp, imap: account.imap, username: account.username, fromAddress: account.fromAddress, fromName: account.fromName }
        : null;
    },
    password: async () => (await service().login()).password,
  };
}
