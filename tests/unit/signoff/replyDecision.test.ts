import { describe, expect, it } from 'vitest';
import { classifyReply, fold, isCourtesyOnly, replyLines } from '../../../shared/signoff/replyDecision';
import { approvalPhrases, closingPhrases, thanksPhrases } from '../../../shared/signoff/replyPhrases';

const context = { signatureNames: ['Me Claire Dupont'] };
const verdict = (text: string) => classifyReply(text, context);

describe('a plain reply’s verdict', () => {
  it.each([
    'OK',
    'ok.',
    'Validé',
    'validé !',
    'Valide',
    'Bon pour publication',
    'Bon pour publication.',
    'Approved',
    'Approved, thanks!',
    'Je valide, merci beaucoup',
    'C’est bon pour moi',
    "C'est OK",
    'D’accord',
    'Looks good',
    'LGTM',
  ])('“%s” approves', (text) => {
    expect(verdict(text)).toEqual({ kind: 'approve' });
  });

  it('every approval phrase of the list approves on its own, in any case and with or without accents', () => {
    for (const phrase of approvalPhrases) {
      expect(verdict(phrase)).toEqual({ kind: 'approve' });
      expect(verdict(phrase.toUpperCase())).toEqual({ kind: 'approve' });
    }
  });

  it('a greeting line, thanks, a closing and the partner’s signature around the approval still approve', () => {
    expect(verdict('Bonjour Sophie,\n\nValidé, merci !\n\nBien cordialement,\nMe Claire Dupont\nAvocate associée')).toEqual({ kind: 'approve' });
    expect(verdict('Dear Sophie,\nApproved.\nThank you very much\nBest regards\nClaire')).toEqual({ kind: 'approve' });
    expect(verdict('OK\n\nClaire Dupont')).toEqual({ kind: 'approve' });
    expect(verdict('OK\n-- \nCabinet Arcand, 12 rue de la Paix, mais aussi autre chose')).toEqual({ kind: 'approve' });
    expect(verdict('Validé\n\nEnvoyé de mon iPhone')).toEqual({ kind: 'approve' });
    expect(verdict('OK merci et bonne journée')).toEqual({ kind: 'approve' });
  });

  it('thanks and closings may follow the approval, but only those', () => {
    for (const thanks of thanksPhrases) expect(verdict(`OK\n${thanks}`)).toEqual({ kind: 'approve' });
    for (const closing of closingPhrases) expect(verdict(`OK\n${closing}\nn’importe quoi ensuite`)).toEqual({ kind: 'approve' });
  });

  it.each([
    ['OK mais retirez la dernière phrase', 'OK mais retirez la dernière phrase'],
    ['OK\nsauf le titre', 'OK\nsauf le titre'],
    ['OK ?', 'OK ?'],
    ['Validé ?', 'Validé ?'],
    ['Non', 'Non'],
    ['Pas d’accord', 'Pas d’accord'],
    ['Not approved', 'Not approved'],
    ['Bonjour,\nPouvez-vous reformuler ?\nMerci', 'Bonjour,\nPouvez-vous reformuler ?\nMerci'],
    ['Je ne valide pas', 'Je ne valide pas'],
  ])('“%s” is changes requested, with the reply’s own words as the comment', (text, comment) => {
    expect(verdict(text)).toEqual({ kind: 'changes', comment });
  });

  it('an empty reply (or only a signature) never approves', () => {
    expect(verdict('')).toEqual({ kind: 'changes', comment: '' });
    expect(verdict('--\nMe Claire Dupont')).toEqual({ kind: 'changes', comment: '' });
  });

  it('a line of someone else’s name or initials is not a signature: “OK\\nJD” asks a person to read it', () => {
    expect(verdict('OK\nJD').kind).toBe('changes');
    expect(verdict('OK\nNon').kind).toBe('changes');
  });

  it('a greeting naming more than three words, or lower-case words, is not a greeting', () => {
    expect(verdict('Bonjour je ne suis pas sûre\nOK').kind).toBe('changes');
  });
});

describe('the partner’s words around a button', () => {
  it('courtesy alone lets the button’s decision stand; any remark does not', () => {
    expect(isCourtesyOnly('', context)).toBe(true);
    expect(isCourtesyOnly('Merci !\nCordialement\nClaire', context)).toBe(true);
    expect(isCourtesyOnly('Bonjour Sophie,\nMerci', context)).toBe(true);
    expect(isCourtesyOnly('Merci, mais changez le titre', context)).toBe(false);
  });
});

describe('reading helpers', () => {
  it('fold drops case, accents and apostrophes', () => {
    expect(fold('Validé’É')).toBe('valide e');
  });

  it('replyLines stops at a signature separator or a mobile footer and drops blank lines', () => {
    expect(replyLines('OK\r\n\r\nmerci\r\n--\r\nsignature')).toEqual(['OK', 'merci']);
    expect(replyLines('OK\nSent from my iPhone\nrest')).toEqual(['OK']);
  });
});
