import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harnessPerFile, requestedByEmail } from './harness';
import type { Harness } from './harness';
import { outlookReply } from './clientMessages';

/**
 * Outlook sometimes answers with Thread-Index and Thread-Topic only: no In-Reply-To, no
 * References, no token. Such a reply is tied to its request by its subject only when that is
 * no guess; otherwise the community manager is told, and nothing is decided. Real SMTP and a
 * real Dovecot on loopback.
 */

let h: Harness;
harnessPerFile((started) => {
  h = started;
});

let partners = 0;
/** A partner of their own for each test, so their open requests are the test's. */
async function partner(): Promise<{ id: string; email: string }> {
  const email = `associe.${++partners}@example.org`;
  const created = await h.call('partners.create', { displayName: `Me Associé ${partners}`, role: '', organisation: '', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: email });
  return { id: created.id, email };
}

const status = async (postId: string) => (await h.call('signoff.status', { postId })).status;
const untiedAlerts = (email: string) => h.events.filter((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.untiedReply' && e.params.from === email);
const log = () => readFileSync(join(h.dir, 'plume.log'), 'utf8');

describe('a reply without thread headers', () => {
  it('from the partner, with their one open request’s subject (“RE : Validation demandée : « … »”), is tied to it and approves', async () => {
    const { id, email } = await partner();
    const { postId, request } = await requestedByEmail(h, 'Le juge peut réviser le contrat.', 'Réforme du droit des contrats', id);
    await h.deliver(outlookReply(request, { body: 'Validé', from: email, threadHeaders: false }));
    expect(['approved', 'scheduled']).toContain(await status(postId));
    expect((await h.call('signoff.history', { postId })).findLast((e) => e.action === 'approve')?.details).toMatchObject({ via: 'subject' });
    expect(untiedAlerts(email)).toHaveLength(0);
  });

  it('from a partner with two open requests decides nothing: an alert names the partner, the log says why', async () => {
    const { id, email } = await partner();
    const first = await requestedByEmail(h, 'Premier texte.', 'Premier', id);
    const second = await requestedByEmail(h, 'Second texte.', 'Second', id);
    await h.deliver(outlookReply(first.request, { body: 'Validé', from: email, threadHeaders: false }));
    expect(await status(first.postId)).toBe('in_review');
    expect(await status(second.postId)).toBe('in_review');
    expect(untiedAlerts(email)).toMatchObject([{ severity: 'warning', postId: null, params: { partner: 'Me Associé 2', subject: `RE : ${first.request.subject}` } }]);
    expect(log()).toContain(`reply from ${email} (partner ${id}) tied to no sign-off request (severalOpenRequests)`);
  });

  it('to a first request, once the post was asked again (a new version), approves nothing: the subject cannot tell which version was read', async () => {
    const { id, email } = await partner();
    const first = await requestedByEmail(h, 'Le juge peut réviser le contrat.', 'Réforme et révision', id);
    // A new version, asked again: the first request is superseded, the second one open.
    const post = await h.call('posts.get', { id: first.postId });
    await h.call('posts.save', { id: post.id, baseVersion: post.version, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le juge peut désormais réviser le contrat.' }] }] } });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    await h.deliver(outlookReply(first.request, { body: 'Validé', from: email, threadHeaders: false }));
    expect(await status(first.postId)).toBe('in_review');
    expect(untiedAlerts(email)).toHaveLength(1);
    expect(log()).toContain(`tied to no sign-off request (earlierRequests)`);
  });

  it('whose subject is not the open request’s decides nothing and is alerted', async () => {
    const { id, email } = await partner();
    const { postId, request } = await requestedByEmail(h, 'Le juge peut réviser le contrat.', 'Réforme', id);
    await h.deliver(outlookReply(request, { body: 'OK', from: email, threadHeaders: false, subject: 'RE : notre déjeuner de jeudi' }));
    expect(await status(postId)).toBe('in_review');
    expect(untiedAlerts(email)).toHaveLength(1);
  });

  it('from an address that is no partner’s is neither tied nor alerted', async () => {
    const { id } = await partner();
    const { postId, request } = await requestedByEmail(h, 'Le juge peut réviser le contrat.', 'Réforme bis', id);
    await h.deliver(outlookReply(request, { body: 'Validé', from: 'inconnu@example.org', threadHeaders: false }));
    expect(await status(postId)).toBe('in_review');
    expect(untiedAlerts('inconnu@example.org')).toHaveLength(0);
  });

  it('about an untitled post: the request’s subject names it by its first words, and a reply with that subject is tied to it and approves', async () => {
    const { id, email } = await partner();
    const { postId, request } = await requestedByEmail(h, 'Le juge peut désormais réviser un contrat devenu déséquilibré par un changement imprévisible.', '', id);
    // Never « Validation demandée : «  » »: the partner recognises the post by what it says.
    expect(request.subject).toBe('Validation demandée\u00a0: «\u00a0Le juge peut désormais réviser un contrat devenu déséquilibré par un changement…\u00a0»');
    await h.deliver(outlookReply(request, { body: 'Validé', from: email, threadHeaders: false }));
    expect(['approved', 'scheduled']).toContain(await status(postId));
    expect((await h.call('signoff.history', { postId })).findLast((e) => e.action === 'approve')?.details).toMatchObject({ via: 'subject' });
    expect(untiedAlerts(email)).toHaveLength(0);
  });
});
