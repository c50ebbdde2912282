import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { harnessPerFile, requestedByEmail } from './harness';
import type { Harness } from './harness';
import { outlookReply } from './clientMessages';

/**
 * Out-of-office answers are recorded with no effect, whatever says they are automatic (a
 * header, or only the subject an Outlook client rule writes); an ordinary reply is never
 * taken for one. Real SMTP and a real Dovecot on loopback, replies as Outlook writes them.
 */

let h: Harness;
harnessPerFile((started) => {
  h = started;
});

let posts = 0;
const requested = () => requestedByEmail(h, 'Le juge peut réviser le contrat.', `Réforme ${++posts}`);

const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });
const status = async (postId: string) => (await h.call('signoff.status', { postId })).status;
const alertsOf = (postId: string, key: string) => h.events.filter((e) => e.type === 'alert' && e.postId === postId && e.messageKey === key);

describe('automatic replies', () => {
  it('an ordinary Outlook reply carrying X-Auto-Response-Suppress: All (Exchange sets it on mail people write) approves', async () => {
    const { postId, request } = await requested();
    await h.deliver(outlookReply(request, { body: 'Validé', extraHeaders: ['X-Auto-Response-Suppress: All'] }));
    expect(['approved', 'scheduled']).toContain(await status(postId));
    expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(0);
  });

  it('an Outlook client-rule out-of-office (only its subject says so) has no effect and is alerted; the partner’s later « OK » approves', async () => {
    const { postId, request } = await requested();
    await h.deliver(
      outlookReply(request, {
        body: 'Je suis absente jusqu’au 1er décembre inclus. Pour toute urgence, contactez le cabinet au 01 23 45 67 89.',
        subject: 'Réponse automatique : absent',
      }),
    );
    expect(await status(postId)).toBe('in_review');
    expect((await history(postId)).at(-1)).toMatchObject({ action: 'replyReceived', details: { automatic: true, applied: false } });
    expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(1);

    h.clock.advance(60_000);
    await h.deliver(outlookReply(request, { body: 'OK' }));
    expect(['approved', 'scheduled']).toContain(await status(postId));
  });

  it.each(['Automatic reply: Claire Dupont', 'Out of Office: back on Monday', 'Automatische Antwort: Abwesend'])(
    'an out-of-office titled “%s” has no effect',
    async (subject) => {
      const { postId, request } = await requested();
      await h.deliver(outlookReply(request, { body: 'I am away until 1 December. OK.', subject }));
      expect(await status(postId)).toBe('in_review');
      expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(1);
    },
  );

  it('an Exchange out-of-office (Auto-Submitted: auto-generated) still has no effect', async () => {
    const { postId, request } = await requested();
    await h.deliver(outlookReply(request, { body: 'Je suis absente. OK.', subject: 'Absente', extraHeaders: ['Auto-Submitted: auto-generated'] }));
    expect(await status(postId)).toBe('in_review');
    expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(1);
  });
});
