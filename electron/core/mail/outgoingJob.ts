import type { JobOutcome } from '../outbox/handler';
import type { Logger } from '../log';
import type { MessageArchive } from '../records/messageArchive';
import { connectImap, disconnect } from './imapClient';
import { encodeMailFailure } from '../../../shared/mail/failure';
import { classifyMailError, describeError } from './networkErrors';
import type { MailReachability } from './reachability';
import { fileInSent, sentContains } from './sentFolder';
import type { MailAccountSource, MailSettings } from './settings';
import { outboxOutcome, sendMail } from './smtpMailer';
import type { OutgoingMail } from './smtpMailer';

/**
 * The steps every outbox job that sends mail shares (sign-off requests and reminders, partner
 * digests): the account and its password, the crash check in Sent, sending, keeping the .eml,
 * and filing a copy in Sent so the community manager's own mail client shows what left.
 */
export interface MailAccess {
  settings: MailSettings;
  password: string;
}

/** The account and its password, or the outcome that says why the job cannot send now. */
export async function mailAccess(mail: MailAccountSource): Promise<MailAccess | JobOutcome> {
  const settings = mail.settings();
  if (settings === null) return { outcome: 'unreachable', error: encodeMailFailure({ reason: 'notConfigured' }), detail: 'mail account not configured' };
  let password: string | null;
  try {
    password = await mail.password();
  } catch {
    return { outcome: 'unreachable', error: encodeMailFailure({ reason: 'keychain' }), detail: 'keychain unavailable' };
  }
  if (password === null) return { outcome: 'unreachable', error: encodeMailFailure({ reason: 'passwordMissing' }), detail: 'mail password missing' };
  return { settings, password };
}

export const isOutcome = (value: MailAccess | JobOutcome): value is JobOutcome => 'outcome' in value;

/**
 * After a crash mid-send: true when Sent already holds this Message-ID; otherwise the outcome
 * to report (IMAP unreachable…). `online`: whether the machine is otherwise online.
 */
export async function alreadySent({ settings, password }: MailAccess, messageId: string, online: boolean): Promise<boolean | JobOutcome> {
  try {
    const client = await connectImap(settings, password);
    try {
      return await sentContains(client, messageId);
    } finally {
      await disconnect(client);
    }
  } catch (error) {
    const why = classifyMailError(error, { server: 'imap', host: settings.imap.host, port: settings.imap.port }, online);
    // Finding out needs IMAP: a refused login there is no reason to give up the mail, only to try again.
    const outcome = outboxOutcome(why, describeError(error));
    return outcome.outcome === 'failed' ? { ...outcome, outcome: 'retry' } : outcome;
  }
}

export interface SendDeps {
  mailReachability: MailReachability;
  archive: MessageArchive | null | undefined;
  log: Logger;
}

/**
 * Sends `mail`; once it left, keeps its .eml in the records and files it in Sent (a copy that
 * cannot be filed is logged, never a failure: the mail did leave). `what` names it in the log.
 */
export async function sendAndFile(
  deps: SendDeps,
  access: MailAccess,
  mail: OutgoingMail,
  record: { requestId: string | null },
  what: string,
): Promise<{ outcome: 'sent'; eml: string | undefined } | JobOutcome> {
  const outcome = await sendMail(access.settings, access.password, mail, deps.mailReachability.otherwiseOnline('smtp'));
  // Only the SMTP conversation itself says whether the server answers (not a missing password):
  // a name that does not resolve, or a refused port, is a server that does not answer.
  const reached = outcome.outcome === 'sent' || !['offline', 'hostNotFound', 'refused', 'timeout', 'dropped'].includes(outcome.why.failure.reason);
  deps.mailReachability.set('smtp', reached);
  if (outcome.outcome !== 'sent') return outboxOutcome(outcome.why, outcome.detail);
  const eml = deps.archive?.store(outcome.raw, { direction: 'sent', messageId: mail.messageId, requestId: record.requestId });
  try {
    const client = await connectImap(access.settings, access.password);
    try {
      if (!(await fileInSent(client, outcome.raw, mail.messageId, mail.date))) deps.log.info(`no Sent mailbox: ${what} not filed`);
    } finally {
      await disconnect(client);
    }
  } catch (error) {
    deps.log.error(`${what} ${mail.messageId} sent but not filed in Sent: ${describeError(error)}`);
  }
  return { outcome: 'sent', eml };
}
