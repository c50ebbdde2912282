import type { ProcedureInput } from '../../../shared/api/contract';
import { startDovecot } from '../../support/dovecot';
import type { Dovecot } from '../../support/dovecot';
import { startSmtpServer } from '../../support/smtpServer';
import type { TestSmtpServer } from '../../support/smtpServer';

export const WORKSTATION = 'plume@example.org';
const PASSWORD = 'mail-secret-e2e';

/** The workstation's mailbox on loopback: a real Dovecot and a real SMTP server, and Plume's settings for them. */
export interface MailWorkstation {
  smtp: TestSmtpServer;
  imap: Dovecot;
  /** What `mail.save` takes to send and read through these servers. */
  settings: ProcedureInput<'mail.save'>;
  stop(): Promise<void>;
}

export async function startMailWorkstation(): Promise<MailWorkstation> {
  const imap = await startDovecot({ user: WORKSTATION, password: PASSWORD });
  const smtp = await startSmtpServer({ user: WORKSTATION, password: PASSWORD });
  return {
    smtp,
    imap,
    settings: {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' },
      imap: { host: '127.0.0.1', port: imap.port, security: 'none' },
      username: WORKSTATION,
      fromAddress: WORKSTATION,
      fromName: 'Plume — Cabinet Arcand',
      password: PASSWORD,
    },
    async stop() {
      await smtp.stop();
      await imap.stop();
    },
  };
}
