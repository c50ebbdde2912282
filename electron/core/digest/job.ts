import { z } from 'zod';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { connectImap, disconnect } from '../mail/imapClient';
import { describeError, isUnreachable } from '../mail/networkErrors';
import type { MailReachability } from '../mail/reachability';
import { fileInSent, sentContains } from '../mail/sentFolder';
import type { MailAccountSource, MailSettings } from '../mail/settings';
import { sendMail } from '../mail/smtpMailer';
import type { JobContext, JobHandler, JobOutcome } from '../outbox/handler';
import type { OutboxJob } from '../outbox/repository';
import type { PartnerRepository } from '../partners/repository';
import type { MessageArchive } from '../records/messageArchive';
import { DigestPayload } from './payload';
import type { DigestRepository } from './repository';
import type { DigestService } from './service';

const Result = z.object({
  messageId: z.string().optional(),
  to: z.string().optional(),
  skipped: z.string().optional(),
  reconciled: z.boolean().optional(),
  eml: z.string().optional(),
});

export interface DigestJobDeps {
  digests: DigestRepository;
  service: DigestService;
  partners: PartnerRepository;
  mail: MailAccountSource;
  mailReachability: MailReachability;
  archive: MessageArchive | null;
  clock: Clock;
  events: EventBus;
  log: Logger;
}

/**
 * Sends one partner's digest for one period, composed at send time (so a digest that waited
 * offline shows the sign-offs still open when it leaves). A partner switched off, archived or
 * without a sign-off address meanwhile gets nothing. After a crash mid-send the Sent mailbox is
 * searched for its Message-ID, as for sign-off emails.
 */
export class DigestEmailJob implements JobHandler {
  constructor(private readonly deps: DigestJobDeps) {}

  async run(raw: unknown, context: JobContext): Promise<JobOutcome> {
    const parsed = DigestPayload.safeParse(raw);
    if (!parsed.success) return { outcome: 'failed', error: 'invalid job payload' };
    const { partnerId, period, messageId } = parsed.data;
    const partner = this.deps.partners.get(partnerId);
    if (!partner || partner.archivedAt !== null) return { outcome: 'done', result: { skipped: 'partnerGone' } };
    if (this.deps.digests.frequency(partnerId) === 'off') return { outcome: 'done', result: { skipped: 'switchedOff' } };
    if (partner.signoffEmail === '') return { outcome: 'done', result: { skipped: 'noAddress' } };
    const settings = this.deps.mail.settings();
    if (settings === null) return { outcome: 'unreachable', error: 'mail account not configured' };
    let password: string | null;
    try {
      password = await this.deps.mail.password();
    } catch {
      return { outcome: 'unreachable', error: 'keychain unavailable' };
    }
    if (password === null) return { outcome: 'unreachable', error: 'mail password missing' };

    if (context.reconcile) {
      const sent = await this.alreadySent(settings, password, messageId);
      if (sent !== false) return sent === true ? { outcome: 'done', result: { messageId, to: partner.signoffEmail, reconciled: true } } : sent;
    }

    const digest = this.deps.service.compose(partner, period, context.now);
    const mail = { to: partner.signoffEmail, subject: digest.subject, text: digest.text, html: digest.html, language: digest.language, messageId, date: new Date(context.now) };
    const outcome = await sendMail(settings, password, mail);
    this.deps.mailReachability.set('smtp', outcome.outcome !== 'unreachable');
    switch (outcome.outcome) {
      case 'sent': {
        const eml = this.deps.archive?.store(outcome.raw, { direction: 'sent', messageId, requestId: null });
        await this.file(settings, password, messageId, outcome.raw, mail.date);
        return { outcome: 'done', result: { messageId, to: partner.signoffEmail, ...(eml === undefined ? {} : { eml }) } };
      }
      case 'unreachable':
        return { outcome: 'unreachable', error: outcome.error };
      case 'retry':
        return { outcome: 'retry', error: outcome.error };
      case 'failed':
        return { outcome: 'failed', error: outcome.error };
    }
  }

  /** Inside the worker's transaction: the digest log entry, or the alert. */
  settled(job: OutboxJob, state: 'done' | 'failed'): void {
    const payload = DigestPayload.safeParse(job.payload);
    if (!payload.success) return;
    const partner = this.deps.partners.get(payload.data.partnerId);
    if (state === 'failed') {
      this.deps.events.emit({
        type: 'alert',
        messageKey: 'digest.alerts.emailFailed',
        params: { partner: partner?.displayName ?? '', error: job.lastError ?? '' },
        severity: 'error',
        postId: null,
      });
      return;
    }
    const result = Result.safeParse(job.result);
    if (!result.success || result.data.skipped !== undefined || result.data.messageId === undefined) return;
    this.deps.digests.log({
      partnerId: payload.data.partnerId,
      periodKey: payload.data.period.key,
      to: result.data.to ?? '',
      messageId: result.data.messageId,
      emlSha256: result.data.eml ?? null,
      sentAt: this.deps.clock.now(),
    });
  }

  /** A copy in the account's Sent mailbox; the digest has left either way, so a failure is only logged. */
  private async file(settings: MailSettings, password: string, messageId: string, raw: Buffer, date: Date): Promise<void> {
    try {
      const client = await connectImap(settings, password);
      try {
        await fileInSent(client, raw, messageId, date);
      } finally {
        await disconnect(client);
      }
    } catch (error) {
      this.deps.log.error(`digest ${messageId} sent but not filed in Sent: ${describeError(error)}`);
    }
  }

  private async alreadySent(settings: MailSettings, password: string, messageId: string): Promise<boolean | JobOutcome> {
    try {
      const client = await connectImap(settings, password);
      try {
        return await sentContains(client, messageId);
      } finally {
        await disconnect(client);
      }
    } catch (error) {
      return isUnreachable(error) ? { outcome: 'unreachable', error: describeError(error) } : { outcome: 'retry', error: describeError(error) };
    }
  }
}
