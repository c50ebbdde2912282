import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { CapturedMail } from '../../support/smtpServer';
import { HOUR, startHarness } from '../signoff/harness';
import type { Harness } from '../signoff/harness';

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** The clock jumps forward to `at` (never back). */
const moveTo = (h: Harness, at: number): void => h.clock.advance(at - h.clock.now());

const POST_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001';
const WEEK_SUBJECT = 'Vos publications pendant la semaine du 30 novembre au 6 décembre 2026';

const digestsTo = async (h: Harness, address: string): Promise<CapturedMail[]> => {
  const out: CapturedMail[] = [];
  for (const mail of h.smtp?.messages ?? []) {
    const parsed = await simpleParser(mail.raw);
    if (mail.envelopeTo.includes(address) && (parsed.subject ?? '').startsWith('Vos publications')) out.push(mail);
  }
  return out;
};

/**
 * Me Dupont (Paris, weekly digest) has one LinkedIn post published by hand at 23:30 UTC on
 * Tuesday 1 December (00:30 on Wednesday in Paris) and one planned for the week after.
 */
async function weekWithOnePost(): Promise<{ h: Harness; partnerId: string; url: string }> {
  const h = await startHarness({ smtp: true });
  harness = h;
  const partner = await h.partner();
  await h.call('digest.setFrequency', { partnerId: partner.id, frequency: 'weekly' });
  const published = await h.post(partner.id, 'Contrats : le point sur la réforme.', { networks: ['linkedin'], scheduledAt: Date.UTC(2026, 11, 1, 23, 30), title: 'Réforme des contrats' });
  await h.call('signoff.recordDecision', { postId: published.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
  await h.post(partner.id, 'Bilan de l’année.', { networks: ['linkedin'], scheduledAt: Date.UTC(2026, 11, 8, 8, 0), title: 'Bilan <2026>' });
  moveTo(h, Date.UTC(2026, 11, 1, 23, 30));
  await h.tick();
  await h.call('publishing.manualDone', { postId: published.id, network: 'linkedin', url: POST_URL });
  const [publication] = (await h.call('engagement.forPost', { postId: published.id })).publications;
  h.clock.advance(HOUR);
  await h.call('engagement.recordManual', { publicationId: publication?.publicationId ?? 0, readAt: h.clock.now(), figures: { likes: 1234, replies: 6 } });
  return { h, partnerId: partner.id, url: publication?.url ?? '' };
}

describe('the partner digest through the real SMTP server', () => {
  it('sends the week’s digest once the week has ended in Paris, as text and HTML in UTF-8, with no remote content', async () => {
    const { h, url } = await weekWithOnePost();
    expect(url.startsWith(POST_URL)).toBe(true);
    // Sunday 6 December 23:30 in Paris: the week has not ended there yet.
    moveTo(h, Date.UTC(2026, 11, 6, 22, 30));
    await h.tick();
    expect(await digestsTo(h, 'claire.dupont@example.org')).toHaveLength(0);

    // Monday 7 December 00:30 in Paris.
    moveTo(h, Date.UTC(2026, 11, 6, 23, 30));
    await h.tick();
    const [mail] = await digestsTo(h, 'claire.dupont@example.org');
    if (mail === undefined) throw new Error('no digest sent');
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe(WEEK_SUBJECT);
    // Non-ASCII subject, encoded as RFC 2047 on the wire.
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/im);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(parsed.headers.get('content-language')).toBe('fr');

    const text = parsed.text ?? '';
    expect(text).toContain('Réforme des contrats — LinkedIn, mercredi 2 décembre 2026 à 00:30 (UTC+01:00)');
    expect(text).toContain('1\u202f234\u00a0j’aime · 6\u00a0réponses');
    expect(text).toContain(url);
    expect(text).toContain('Bilan <2026> — LinkedIn, mardi 8 décembre 2026 à 09:00 (UTC+01:00)');

    const html = typeof parsed.html === 'string' ? parsed.html : '';
    expect(html).toContain('Bilan &lt;2026&gt;');
    const urls = [...html.matchAll(/\b(?:src|href|action|background)\s*=\s*"([^"]*)"/gi)].map((m) => m[0]);
    expect(urls).toEqual([`href="${url}"`]);
    // The post's address is the only URL anywhere in the HTML.
    expect(html.split(url).join('')).not.toMatch(/https?:|\/\//i);
    expect(html).not.toMatch(/<img|<link|@import|url\(/i);
  });

  it('sends one digest per period, logged once: later ticks and a restart send nothing more', async () => {
    const { h, partnerId } = await weekWithOnePost();
    moveTo(h, Date.UTC(2026, 11, 7, 8, 0));
    await h.tick();
    await h.tick();
    h.restart();
    h.clock.advance(HOUR);
    await h.tick();
    expect(await digestsTo(h, 'claire.dupont@example.org')).toHaveLength(1);
    const [logged, ...more] = await h.call('digest.sent', { partnerId });
    expect(more).toEqual([]);
    expect(logged).toMatchObject({ periodKey: '2026-W49', to: 'claire.dupont@example.org', sentAt: Date.UTC(2026, 11, 7, 8, 0) });
    const queue = await h.call('digest.queue', {});
    expect(queue).toEqual([]);
  });

  it('sends nothing to a partner switched off, and the switch persists', async () => {
    const { h, partnerId } = await weekWithOnePost();
    await h.call('digest.setFrequency', { partnerId, frequency: 'off' });
    expect(await h.call('digest.settings', { partnerId })).toEqual({ partnerId, frequency: 'off' });
    moveTo(h, Date.UTC(2026, 11, 7, 8, 0));
    await h.tick();
    moveTo(h, Date.UTC(2027, 0, 2, 8, 0));
    await h.tick();
    expect(await digestsTo(h, 'claire.dupont@example.org')).toHaveLength(0);
    expect(await h.call('digest.sent', { partnerId })).toEqual([]);
  });

  it('shows a digest the server refused for good on the Envoi queue, with the server’s words', async () => {
    const { h } = await weekWithOnePost();
    h.smtp?.failNext(550, 'Mailbox unavailable');
    moveTo(h, Date.UTC(2026, 11, 7, 8, 0));
    await h.tick();
    const [waiting] = await h.call('digest.queue', {});
    expect(waiting).toMatchObject({ partnerName: 'Me Claire Dupont', to: 'claire.dupont@example.org', periodKey: '2026-W49', state: 'failed' });
    expect(waiting?.lastError).toContain('550');
  });

  it('flags a partner silent past the weekly minimum of their editorial line, on the calendar and in the digest', async () => {
    const { h, partnerId } = await weekWithOnePost();
    await h.call('editorial.savePartnerLine', { partnerId, baseVersion: null, line: { cadence: { postsPerWeek: [{ network: 'linkedin', min: 1 }] } } });
    // Published on Wednesday 2 December (Paris): 7 days later is still within target.
    moveTo(h, Date.UTC(2026, 11, 9, 8, 0));
    expect(await h.call('digest.cadenceFlags', {})).toEqual([]);
    moveTo(h, Date.UTC(2026, 11, 10, 8, 0));
    expect(await h.call('digest.cadenceFlags', {})).toEqual([
      { partnerId, silent: [{ network: 'linkedin', minPerWeek: 1, lastPublishedAt: Date.UTC(2026, 11, 1, 23, 30), daysSilent: 8 }] },
    ]);
    // Monday 14 December 00:30 in Paris: the digest of the week of 7–13 December says so.
    moveTo(h, Date.UTC(2026, 11, 13, 23, 30));
    await h.tick();
    const [mail] = await digestsTo(h, 'claire.dupont@example.org');
    if (mail === undefined) throw new Error('no digest sent');
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Vos publications pendant la semaine du 7 au 13 décembre 2026');
    expect(parsed.text).toContain('LinkedIn\u00a0: aucune publication depuis 12\u00a0jours (objectif convenu\u00a0: au moins une publication par semaine).');
    expect(parsed.text).toContain('Rien n’a été publié en votre nom sur cette période.');
  });

  it('“send now” queues the previewed period once; the scheduler then finds it and sends no second copy', async () => {
    const h = await startHarness({ smtp: true });
    harness = h;
    // Added on 24 November: the scheduler would not send November (not a whole month), “send now” may.
    const partner = await h.partner();
    moveTo(h, Date.UTC(2026, 11, 2, 8, 0));
    expect(await h.call('digest.preview', { partnerId: partner.id })).toMatchObject({ subject: 'Vos publications en novembre 2026', to: 'claire.dupont@example.org' });
    expect(await h.call('digest.sendNow', { partnerId: partner.id })).toEqual({ periodKey: '2026-11', state: 'queued', alreadyQueued: false });
    await h.tick();
    expect(await h.call('digest.sendNow', { partnerId: partner.id })).toMatchObject({ periodKey: '2026-11', state: 'done', alreadyQueued: true });
    await h.tick();
    expect(await digestsTo(h, 'claire.dupont@example.org')).toHaveLength(1);

    // A digest waiting (no mail server answering) is called back when the partner is switched off.
    await h.smtp?.stop();
    moveTo(h, Date.UTC(2026, 11, 8, 8, 0));
    await h.call('digest.setFrequency', { partnerId: partner.id, frequency: 'weekly' });
    expect(await h.call('digest.sendNow', { partnerId: partner.id })).toMatchObject({ periodKey: '2026-W49', alreadyQueued: false });
    await h.tick();
    expect((await h.call('digest.queue', {})).map((row) => [row.periodKey, row.state])).toEqual([['2026-W49', 'queued']]);
    await h.call('digest.setFrequency', { partnerId: partner.id, frequency: 'off' });
    expect(await h.call('digest.queue', {})).toEqual([]);
    await expect(h.call('digest.sendNow', { partnerId: partner.id })).rejects.toMatchObject({ messageKey: 'digest.errors.off' });
  });
});
