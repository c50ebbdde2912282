import { describe, expect, it } from 'vitest';
import { classifyReply, commentOf, isCourtesyOnly } from '../../../shared/signoff/replyDecision';

const context = { signatureNames: ['Me Claire Dupont', 'Avocate associée', 'Cabinet Martin & Associés'] };
const verdict = (text: string) => classifyReply(text, context);

/** Signatures as French firms write them, under a "-- " line or a closing. */
const ONE_LINE = 'Maître Claire Dupont | Avocate associée | Cabinet Martin & Associés | 12 rue de la Paix 75008 Paris | +33 1 23 45 67 89';
const BLOCK = [
  'Me Claire Dupont',
  'Avocate associée – Avocat au Barreau de Paris',
  'Cabinet Martin & Associés',
  '12, rue de la Paix – 75008 Paris',
  'Tél. : +33 1 23 45 67 89 | Mob. : +33 6 12 34 56 78',
  'claire.dupont@martin-associes.fr | www.martin-associes.fr',
  '',
  'Ce message et toutes les pièces jointes sont confidentiels et établis à l’intention exclusive de ses destinataires.',
  'Toute utilisation ou diffusion non autorisée est interdite. Si vous avez reçu ce message par erreur, merci de le détruire et d’en avertir l’expéditeur.',
].join('\n');

describe('words below a "-- " line or a mobile footer', () => {
  it.each([
    ['OK\n\nEnvoyé de mon iPhone\n\nEn fait non, attendez mon appel avant de publier.'],
    ['OK\n\n-- \nMe Claire Dupont\nAvocate associée\n\nAh si : enlevez le dernier paragraphe, merci.'],
    ['Validé\n\nSent from my iPhone\n\nActually wait for my call.'],
    ['OK\n--\nMe Claire Dupont\nCabinet Martin & Associés\nmais pas avant lundi'],
    ['OK\n\nEnvoyé depuis mon mobile\n\nSauf le titre'],
    ['OK\n\nObtenir Outlook pour iOS\n\nNon, finalement pas celui-ci.'],
  ])('are the partner’s, never skipped: “%s” is no approval and its words are in the comment', (text) => {
    const result = verdict(text);
    expect(result.kind).not.toBe('approve');
    expect(result.kind === 'approve' ? '' : result.comment).toContain(text.split('\n').at(-1));
    expect(commentOf(text, context)).toContain(text.split('\n').at(-1));
  });

  it('make an “Approve” button’s words more than courtesy', () => {
    expect(isCourtesyOnly('Merci\n\nEnvoyé de mon iPhone\n\nEn fait non, attendez mon appel.', context)).toBe(false);
  });

  it.each([
    [`OK\n\n-- \n${ONE_LINE}`],
    [`OK\n\n-- \n${BLOCK}`],
    [`Validé, merci.\n\nEnvoyé de mon iPhone`],
    [`OK pour moi\n\n--\n${BLOCK}\n\nEnvoyé de mon iPhone`],
    [`Bon pour publication.\n\nBien cordialement,\n\n${ONE_LINE}\n\nEnvoyé de mon iPad`],
    [`Approved.\n-- \nClaire Dupont\nPartner | Cabinet Martin & Associés\nThis email is confidential and intended solely for its recipients.`],
  ])('a real signature below them keeps an « OK » an approval: “%s”', (text) => {
    expect(verdict(text)).toEqual({ kind: 'approve' });
  });
});

describe('a refusal by e-mail', () => {
  it.each([
    'Non.',
    'Non',
    'non merci',
    'No.',
    'Je ne valide pas.',
    'Je ne valide pas.\n\nClaire',
    'Désolée, je ne valide pas : l’« audit » me gêne – c’est du démarchage.',
    'Je refuse ce texte en l’état.',
    'Pas d’accord pour publier.',
    'Pas d’accord',
    'Not approved',
    'I don’t approve.',
    "I don't approve this.",
    'Bonjour Sophie,\n\nJe ne valide pas.\n\nBien cordialement,\nMe Claire Dupont\nAvocate associée',
    `Non.\n\n-- \n${ONE_LINE}`,
  ])('“%s” is a refusal, its words the comment', (text) => {
    const result = verdict(text);
    expect(result.kind).toBe('reject');
    expect(result.kind === 'reject' ? result.comment : '').toContain(text.replace(/^Bonjour Sophie,\n\n/u, '').split('\n')[0]);
  });

  it.each([
    'Non, enlevez le dernier paragraphe',
    'Non, enlevez le dernier paragraphe, merci.',
    'Je ne valide pas : remplacez « audit » par « bilan ».',
    'Je ne valide pas en l’état, il faudrait raccourcir.',
    'Non\nPlutôt mardi.',
    'No, please remove the last paragraph.',
    'Non, c’est OK finalement',
    'Non non, c’est parfait, publiez',
    'Non ?',
    'Je ne valide pas.\nPS : le titre',
    'Non merci\n\nEnvoyé de mon iPhone\n\nEnlevez juste la dernière phrase',
  ])('“%s” asks changes (or is unclear): changes requested, never a refusal nor an approval', (text) => {
    expect(verdict(text).kind).toBe('changes');
  });

  it.each(['No problem', 'Non seulement c’est bien, mais c’est parfait', 'Nota bene : OK'])('“%s” is no refusal', (text) => {
    expect(verdict(text).kind).not.toBe('reject');
  });
});
