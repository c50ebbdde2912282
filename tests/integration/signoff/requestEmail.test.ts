import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, WORKSTATION, openMailto, parseCaptured, startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** The harness's SMTP server (these tests all start one). */
const smtp = () => {
  if (!h.smtp) throw new Error('this test needs the SMTP server');
  return h.smtp;
};

/** The MIME parts' content types, in order, from the raw message. */
const contentTypes = (raw: string): string[] => [...raw.matchAll(/^Content-Type:\s*([^;\r\n]+)/gim)].map((m) => (m[1] ?? '').toLowerCase());

describe('the sign-off request email', () => {
  it('is multipart/alternative with a text and an HTML part, both buttons carrying their own token, with the Message-ID recorded', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Trois points essentiels sur la réforme.\n• imprévision');
    const status = await h.call('signoff.request', { postId: post.id });
    expect(status.status).toBe('in_review');
    expect(status.request?.email.state).toBe('queued');

    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail) throw new Error('no mail');
    expect(contentTypes(mail.raw)).toEqual(['multipart/alternative', 'text/plain', 'text/html']);
    expect(mail.envelopeTo).toEqual(['claire.dupont@example.org']);

    const request = await parseCaptured(mail);
    expect(request.messageId).toMatch(/^<[0-9a-f]{32}@example\.org>$/);
    const approve = openMailto(request.approveHref);
    const changes = openMailto(request.changesHref);
    expect(approve.to).toBe(WORKSTATION);
    expect(changes.to).toBe(WORKSTATION);
    const approveToken = /plume1\.a\.[^\s\]]+/.exec(approve.body)?.[0];
    const changesToken = /plume1\.c\.[^\s\]]+/.exec(changes.body)?.[0];
    expect(approveToken).toBeDefined();
    expect(changesToken).toBeDefined();
    expect(approve.subject).toContain(approveToken);
    expect(changes.subject).toContain(changesToken);
    expect(approve.body).not.toContain('plume1.c.');
    // The text alternative offers the same two links.
    expect(request.text).toContain(approveToken);
    expect(request.text).toContain(changesToken);
    // Every network's preview, in both parts.
    expect(request.text).toContain('Aperçu LinkedIn');
    expect(request.text).toContain('Aperçu X');
    expect(request.html).toContain('Trois points essentiels sur la réforme.');

    const after = await h.call('signoff.status', { postId: post.id });
    expect(after.request?.email.state).toBe('done');
    const history = await h.call('signoff.history', { postId: post.id });
    expect(history.map((e) => e.action)).toEqual(['created', 'requestSignoff', 'signoffEmailQueued', 'signoffEmailSent']);
    expect(history.find((e) => e.action === 'signoffEmailSent')?.details.messageId).toBe(request.messageId);
    // The password never reaches the database or the log.
    expect(JSON.stringify(history)).not.toContain('mail-secret');
  });

  it('speaks the partner’s language and shows times in the partner’s zone: Casablanca time in French, English for an English partner', async () => {
    h = await startHarness({ smtp: true });
    // 15 June 2027, 08:00 UTC: 09:00 in Casablanca (UTC+1), 10:00 in Paris (UTC+2).
    const publication = Date.UTC(2027, 5, 15, 8, 0);
    const casablanca = await h.partner({ displayName: 'Me Yasmine Benali', timeZone: 'Africa/Casablanca', signoffEmail: 'yasmine@example.org' });
    const english = await h.partner({ displayName: 'Julien Tremblay', timeZone: 'America/Toronto', locale: 'en', signoffEmail: 'julien@example.org' });
    const p1 = await h.post(casablanca.id, 'Bonjour à tous', { scheduledAt: publication });
    const p2 = await h.post(english.id, 'Hello all', { scheduledAt: publication, title: 'Contract reform' });
    await h.call('signoff.request', { postId: p1.id });
    await h.call('signoff.request', { postId: p2.id });
    await h.tick();

    const fr = await parseCaptured(await smtp().message(0));
    expect(fr.subject).toBe('Validation demandée\u00a0: «\u00a0Réforme du droit des contrats\u00a0»');
    expect(fr.text).toContain('Publication prévue\u00a0: mardi 15 juin 2027 à 09:00 (heure de Casablanca, UTC+01:00)');
    // Default lead time: 24 h before publication.
    expect(fr.text).toContain('Validation attendue avant\u00a0: lundi 14 juin 2027 à 09:00 (heure de Casablanca, UTC+01:00)');
    expect(fr.html).toContain('Valider');
    expect(fr.html).toContain('Demander des modifications');

    const en = await parseCaptured(await smtp().message(1));
    expect(en.subject).toBe('Sign-off requested: "Contract reform"');
    expect(en.text).toContain('Scheduled for: Tuesday 15 June 2027 at 04:00 (Toronto time, UTC-04:00)');
    expect(en.text).toContain('Sign-off needed by: Monday 14 June 2027 at 04:00 (Toronto time, UTC-04:00)');
    expect(en.html).toContain('Approve');
    expect(en.html).toContain('Request changes');
    const raw = (await smtp().message(1)).raw;
    expect(raw).toMatch(/^Content-Language: en/m);
  });

  it('carries the override and its justification, and the partner-visible comments (not the internal ones) once', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    // The firm's line forbids superlatives, so this post breaks it and needs a justified override.
    const firm = await h.call('editorial.firmLine', {});
    await h.call('editorial.saveFirmLine', {
      baseVersion: firm.version,
      line: { ...firm, rules: [...firm.rules, { kind: 'bannedTerm', id: 'superlatifs', severity: 'error', terms: [{ term: 'le meilleur', replacement: 'reconnu' }] }] },
    });
    const post = await h.post(partner.id, 'Notre cabinet est le meilleur de Paris.');
    await expect(h.call('signoff.request', { postId: post.id })).rejects.toMatchObject({ messageKey: 'errors.signoff.editorialErrors' });
    await h.call('signoff.addComment', { postId: post.id, body: 'Chiffre vérifié auprès du greffe.', visibility: 'partner' });
    await h.call('signoff.addComment', { postId: post.id, body: 'Penser à relancer la semaine prochaine.', visibility: 'internal' });
    await h.call('signoff.request', {
      postId: post.id,
      findings: { error: 1, warning: 0, info: 0, byKind: { comparative: 1 } },
      override: { justification: 'Classement officiel du Legal 500, citation exacte.', findingIds: ['f1'] },
    });
    await h.tick();
    const first = await parseCaptured(await smtp().message(0));
    expect(first.text).toContain('Écart assumé à la ligne éditoriale');
    expect(first.text).toContain('Classement officiel du Legal 500, citation exacte.');
    expect(first.html).toContain('Classement officiel du Legal 500, citation exacte.');
    expect(first.text).toContain('Chiffre vérifié auprès du greffe.');
    expect(first.text).not.toContain('relancer');
    const comments = await h.call('signoff.comments', { postId: post.id });
    expect(comments.find((c) => c.visibility === 'partner')?.sentInRequestId).toBe(first.approveHref.match(/plume1\.a\.([0-9a-f-]{36})/)?.[1]);
  });

  it('a re-request after changes says it is a new version and shows the word-level diff since the version the partner saw', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Le juge peut réviser le contrat.');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'requestChanges', channel: 'phone', decidedAt: h.clock.now(), comment: 'Précisez « à la demande d’une partie »' });
    h.clock.advance(HOUR);
    await h.edit(post.id, 'Le juge doit réviser le contrat à la demande d’une partie.');

    const diff = await h.call('signoff.diff', { postId: post.id });
    expect(diff.changed).toBe(true);
    expect(diff.since?.revisionNumber).toBe(1);
    const linkedin = diff.networks.find((n) => n.network === 'linkedin');
    expect(linkedin?.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim()).join(' ')).toContain('demande');
    expect(linkedin?.parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['peut']);

    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const second = await parseCaptured(await smtp().message(1));
    expect(second.subject).toBe('Nouvelle version à valider\u00a0: «\u00a0Réforme du droit des contrats\u00a0»');
    expect(second.text).toContain('Ce qui a changé depuis la version que vous avez vue');
    expect(second.text).toContain('[-peut-]{+doit+}');
    expect(second.html).toContain('<ins');
    expect(second.html).toContain('<del');
  });

  it('keeps the SMTP server’s own words when it refuses for good, and alerts', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte');
    h.smtp?.failNext(550, '5.1.1 Mailbox claire.dupont does not exist');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const status = await h.call('signoff.status', { postId: post.id });
    expect(status.request?.email.state).toBe('failed');
    expect(status.request?.email.lastError).toContain('Mailbox claire.dupont does not exist');
    expect(h.events.some((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.emailFailed')).toBe(true);
  });

  it('retries a 4xx answer later with backoff instead of failing', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte');
    h.smtp?.failNext(451, '4.3.0 Try again later');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    let [job] = await h.call('outbox.list', {});
    expect(job?.state).toBe('queued');
    expect(job?.attempts).toBe(1);
    expect(job?.lastError).toContain('Try again later');
    // First retry after 30 s × 2⁰ with "equal jitter" (random fixed at 0.5 here): 22.5 s.
    expect((job?.notBefore ?? 0) - h.clock.now()).toBe(22_500);
    await h.tick();
    expect(h.smtp?.messages).toHaveLength(0);
    h.clock.advance(23_000);
    await h.tick();
    [job] = await h.call('outbox.list', {});
    expect(job?.state).toBe('done');
    const sent = await simpleParser((await smtp().message(0)).raw);
    expect(sent.to).toBeDefined();
  });
});
