import { z } from 'zod';
import { decodeMailFailure, mailFailureParams } from '../../../shared/mail/failure';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { alreadySent, isOutcome, mailAccess, sendAndFile } from '../mail/outgoingJob';
import type { MailReachability } from '../mail/reachability';
import type { MailAccountSource } from '../mail/settings';
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
    const access = await mailAccess(this.deps.mail);
    if (isOutcome(access)) return access;

    if (context.reconcile) {
      const sent = await alreadySent(access, messageId, this.deps.mailReachability.otherwiseOnline('imap'));
      if (sent !== false) return sent === true ? { outcome: 'done', result: { messageId, to: partner.signoffEmail, reconciled: true } } : sent;
    }

    const digest = this.deps.service.compose(partner, period, context.now);
    const mail = { to: partner.signoffEmail, subject: digest.subject, text: digest.text, html: digest.html, language: digest.language, messageId, date: new Date(context.now) };
    const sent = await sendAndFile(this.deps, access, mail, { requestId: null }, 'digest');
    if (sent.outcome !== 'sent') return sent;
    return { outcome: 'done', result: { messageId, to: partner.signoffEmail, ...(sent.eml === undefined ? {} : { eml: sent.eml }) } };
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
        params: { partner: partner?.displayName ?? '', attempts: job.attempts, ...mailFailureParams(decodeMailFailure(job.lastError) ?? { reason: 'unknown' }) },
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
}
