import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { harnessPerFile, requestedByEmail } from './harness';
import type { Harness, ParsedRequest } from './harness';
import { outlookReply } from './clientMessages';

/**
 * Replies as real clients wrote them in a review against a real Dovecot (fixtures/review3: the
 * raw .eml files, only re-threaded onto this run's request), delivered over IMAP: an unedited
 * windows-1252 Outlook quote, words below « Envoyé de mon iPhone » or a "-- " line, refusals,
 * and out-of-office notices without any header saying so.
 */

let h: Harness;
harnessPerFile((started) => {
  h = started;
});

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'review3');
const POST = [
  'Trois points essentiels sur la réforme du droit des contrats.',
  'Premièrement, l’imprévision : le juge peut désormais réviser le contrat.',
  'Enfin, contactez-nous pour un audit de vos contrats !',
].join('\n');

let posts = 0;
const requested = (text = POST) => requestedByEmail(h, text, `Réforme ${++posts}`);

/** The reviewer's raw reply, its thread headers and Message-ID pointed at this run's request. */
function realReply(scenario: string, request: ParsedRequest): Buffer {
  const raw = readFileSync(join(FIXTURES, `${scenario}.reply.eml`)).toString('latin1');
  const rethreaded = raw
    .replace(/^(In-Reply-To|References):.*$/gim, (_line, name: string) => `${name}: ${request.messageId}`)
    .replace(/^Message-ID:.*$/im, `Message-ID: <${scenario}-${posts}-${Date.now()}@client.example>`);
  return Buffer.from(rethreaded, 'latin1');
}

const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });
const status = async (postId: string) => (await h.call('signoff.status', { postId })).status;
const decisionOf = async (postId: string) => (await history(postId)).find((e) => ['approve', 'requestChanges', 'reject'].includes(e.action));
const alertsOf = (postId: string, key: string) => h.events.filter((e) => e.type === 'alert' && e.postId === postId && e.messageKey === key);

describe('an Outlook reply in windows-1252 quoting the request unedited', () => {
  it('the real S13 reply (« C’est bon pour moi – merci. », the fold marker’s "┄" turned into "?") approves, with no suggestion', async () => {
    const { postId, request } = await requested();
    await h.deliver(realReply('S13-outlook-real-cp1252', request));
    expect((await history(postId)).map((e) => e.action)).not.toContain('changesSuggested');
    expect(['approved', 'scheduled']).toContain(await status(postId));
  });

  it('the same through the Outlook builder, quoting this run’s own request: approved, no suggestion', async () => {
    const { postId, request } = await requested();
    // Requests now say where LinkedIn folds in a note after the text (no marker inside it); the
    // quote still passes through windows-1252, which loses the note's and the text's other characters.
    await h.deliver(outlookReply(request, { body: 'C’est bon pour moi – merci.', charset: 'windows-1252' }));
    expect((await history(postId)).map((e) => e.action)).not.toContain('changesSuggested');
    expect(['approved', 'scheduled']).toContain(await status(postId));
  });

  it('a line the partner really changed in that quote is still her correction', async () => {
    const { postId, request } = await requested();
    const html = request.html.replace('un audit de vos contrats', 'un bilan de vos contrats');
    await h.deliver(outlookReply({ ...request, html }, { body: 'C’est bon pour moi – merci.', charset: 'windows-1252' }));
    expect(String((await history(postId)).find((e) => e.action === 'changesSuggested')?.details.text)).toContain('bilan');
    expect(await status(postId)).toBe('changes_requested');
  });
});

describe('words below a mobile footer or a "-- " line', () => {
  it.each([
    ['S15-iphone-text-after-footer', 'En fait non, attendez mon appel avant de publier.'],
    ['S33-dashdash-then-text', 'Ah si : enlevez le dernier paragraphe, merci.'],
  ])('%s is no approval: a person reads it, the words in the comment', async (scenario, words) => {
    const { postId, request } = await requested();
    await h.deliver(realReply(scenario, request));
    expect(['approved', 'scheduled']).not.toContain(await status(postId));
    expect(await status(postId)).toBe('changes_requested');
    expect(String((await decisionOf(postId))?.details.comment)).toContain(words);
  });

  it('the real S14 reply (« OK », then only « Envoyé de mon iPhone ») still approves', async () => {
    const { postId, request } = await requested();
    await h.deliver(realReply('S14-iphone', request));
    expect(['approved', 'scheduled']).toContain(await status(postId));
  });

  it('a real signature below « -- » (one line with | separators, a confidentiality notice) keeps « OK » an approval', async () => {
    const { postId, request } = await requested();
    const signature = [
      'Maître Claire Dupont | Avocate associée | Cabinet Martin & Associés | 12 rue de la Paix 75008 Paris | +33 1 23 45 67 89',
      '',
      'Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires.',
      'Si vous l’avez reçu par erreur, merci de le détruire et d’en avertir l’expéditeur.',
    ].join('\n');
    await h.deliver(outlookReply(request, { body: `OK\n\n-- \n${signature}\n\nEnvoyé de mon iPhone` }));
    expect(['approved', 'scheduled']).toContain(await status(postId));
  });
});

describe('a refusal by e-mail', () => {
  it.each([
    ['S04-je-ne-valide-pas', 'Je ne valide pas.'],
    ['S26-cp1252-qp-refus', 'Désolée, je ne valide pas'],
    ['S10-outlook-html-only-refus', 'Je refuse ce texte en l’état.'],
    ['S32-pas-ok', 'Non.'],
  ])('%s is a refusal: the post is « Refusée », her words the comment', async (scenario, words) => {
    const { postId, request } = await requested();
    await h.deliver(realReply(scenario, request));
    expect(await status(postId)).toBe('rejected');
    const decision = await decisionOf(postId);
    expect(decision?.action).toBe('reject');
    expect(String(decision?.details.comment)).toContain(words);
  });

  it('« Non, enlevez le dernier paragraphe » asks changes: changes requested, not a refusal', async () => {
    const { postId, request } = await requested();
    await h.deliver(outlookReply(request, { body: 'Non, enlevez le dernier paragraphe' }));
    expect(await status(postId)).toBe('changes_requested');
  });
});

describe('an out-of-office notice without a header saying so', () => {
  it.each([
    ['S36-ooo-subject-absente', 'subject « Absente jusqu’au 14 décembre »'],
    ['S16-out-of-office', 'a « Réponse automatique » with its header, « OK pour les urgences » in it'],
    ['S17-ooo-no-header-re-subject', '« OK » above « Je suis absente jusqu’au 14 décembre (message automatique). » under « RE : … »'],
  ])('%s (%s) is no decision nor a comment, and is alerted', async (scenario) => {
    const { postId, request } = await requested();
    await h.deliver(realReply(scenario, request));
    expect(await status(postId)).toBe('in_review');
    const entries = await history(postId);
    expect(entries.filter((e) => ['approve', 'requestChanges', 'reject'].includes(e.action))).toHaveLength(0);
    expect(entries.at(-1)).toMatchObject({ action: 'replyReceived', details: { automatic: true, applied: false } });
    expect(entries.some((e) => typeof e.details.comment === 'string' && /absente/iu.test(e.details.comment))).toBe(false);
    expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(1);
  });

  it.each([
    ['I am out of the office until 14 December with limited access to email.', 'RE : Validation'],
    ['Bonjour,\nJe suis en congé jusqu’au 2 janvier. Je prendrai connaissance de votre message à mon retour.\nClaire Dupont', 'En congé'],
  ])('« %s » is no decision', async (body, subject) => {
    const { postId, request } = await requested();
    await h.deliver(outlookReply(request, { body, subject }));
    expect(await status(postId)).toBe('in_review');
    expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(1);
  });

  it.each(['X-Autoreply: yes', 'X-Autorespond: yes', 'Precedence: auto_reply', 'X-MS-Exchange-Inbox-Rules-Loop: claire.dupont@example.org'])(
    'a reply carrying « %s » is automatic, even with « OK » in it',
    async (header) => {
      const { postId, request } = await requested();
      await h.deliver(outlookReply(request, { body: 'OK', extraHeaders: [header] }));
      expect(await status(postId)).toBe('in_review');
      expect(alertsOf(postId, 'signoff.alerts.automaticReply')).toHaveLength(1);
    },
  );
});
