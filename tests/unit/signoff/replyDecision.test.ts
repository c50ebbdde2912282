import { describe, expect, it } from 'vitest';
import { classifyReply, commentOf, fold, isCourtesyOnly, replyLines } from '../../../shared/signoff/replyDecision';
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
    // As often written, and after an approval anything else now holds the post (a withdrawal).
    'Oui',
    'Oui, c’est bon.',
    'Oui c’est ok',
    'Parfait, merci',
    'Très bien, merci !',
    'Ça me va',
    'Nickel',
    'Go pour moi, merci et bonne journée',
    'Yes, thanks',
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
    expect(verdict('OK\n-- \nCabinet Arcand, 12 rue de la Paix')).toEqual({ kind: 'approve' });
    expect(verdict('Validé\n\nEnvoyé de mon iPhone')).toEqual({ kind: 'approve' });
    expect(verdict('OK merci et bonne journée')).toEqual({ kind: 'approve' });
  });

  it('thanks and closings may follow the approval, and after a closing only the partner’s signature', () => {
    for (const thanks of thanksPhrases) expect(verdict(`OK\n${thanks}`)).toEqual({ kind: 'approve' });
    for (const closing of closingPhrases) {
      expect(verdict(`OK\n${closing}\nClaire Dupont`)).toEqual({ kind: 'approve' });
      expect(verdict(`OK\n${closing}\nn’importe quoi ensuite`)).toEqual({ kind: 'changes', comment: `OK\n${closing}\nn’importe quoi ensuite` });
    }
  });

  it.each([
    ['OK mais retirez la dernière phrase', 'OK mais retirez la dernière phrase'],
    ['OK\nsauf le titre', 'OK\nsauf le titre'],
    ['OK ?', 'OK ?'],
    ['Validé ?', 'Validé ?'],
    ['Non, enlevez le dernier paragraphe', 'Non, enlevez le dernier paragraphe'],
    ['Non\nRemplacez 18 h par 19 h.', 'Non\nRemplacez 18 h par 19 h.'],
    ['Non, c’est bon pour moi', 'Non, c’est bon pour moi'],
    ['Non ?', 'Non ?'],
    ['No problem', 'No problem'],
    ['Oui mais enlevez la fin', 'Oui mais enlevez la fin'],
    ['Parfait sauf le titre', 'Parfait sauf le titre'],
    ['Très bien mais retirez le hashtag', 'Très bien mais retirez le hashtag'],
    ['Oui ?', 'Oui ?'],
    ['Bonjour,\nPouvez-vous reformuler ?\nMerci', 'Bonjour,\nPouvez-vous reformuler ?\nMerci'],
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

describe('what follows the closing', () => {
  it.each([
    'Validé\nBien cordialement,\nClaire\nAvocate associée – SAUF LE TITRE',
    'OK merci\nClaire\nDupont Publie Mardi',
    'OK\nCordialement\nClaire\n19:30',
    'OK\nCordialement\nClaire Dupont\nCe message et ses pièces jointes sont confidentiels.\nNe le diffusez pas avant lundi.',
    'OK\nCordialement\nClaire Dupont\nCe message et ses pièces jointes sont confidentiels. Ne le diffusez pas avant lundi.',
  ])('words in capitals, a verb, a time or a day under the signature are never approval: “%s”', (text) => {
    expect(verdict(text).kind).not.toBe('approve');
  });

  it('a firm’s usual footer under the signature still approves', () => {
    expect(verdict('Validé\nBien cordialement,\nMe Claire Dupont\nAvocate associée\nSCP Dupont & Associés\nTél. : 01 42 00 00 00\nCe message et ses pièces jointes sont confidentiels et destinés à leurs seuls destinataires.\nSi vous l’avez reçu par erreur, merci de le supprimer et d’en avertir l’expéditeur.\nToute diffusion non autorisée est interdite.')).toEqual({ kind: 'approve' });
  });

  it.each([
    'OK pour moi.\nBien cordialement,\nClaire Dupont\n\nPS : merci de retirer « enfin ! » avant publication.',
    'Validé.\nCordialement\nClaire\nP.S. Remplacez 18 h par 19 h.',
    'OK pour moi.\nMerci et bonne journée\nPS : retirez « enfin ! »',
    'OK\nBien à vous\nN.B. : le titre est à revoir',
    'Approved\nBest regards\nClaire\nPPS: one more thing',
  ])('a postscript after the closing is the partner’s words: “%s” is changes requested, the postscript in the comment', (text) => {
    const result = verdict(text);
    expect(result.kind).toBe('changes');
    expect(result.kind === 'changes' ? result.comment : '').toContain(text.split('\n').at(-1));
  });

  it.each([
    'OK\nCordialement\nClaire\nRemplacez 18 h par 19 h.',
    'OK\nCordialement\nMe Claire Dupont\nSupprimez Avocat.',
    'OK\nCordialement\nClaire\nLe 7 décembre plutôt',
    'OK\nCordialement\nClaire\n19 h au lieu de 18 h',
    'OK\nCordialement\nClaire\nPlutôt « enfin » que « enfin ! »',
    'OK\nCordialement\nCe message est confidentiel : ne publiez pas avant lundi.',
  ])('words after the closing that are no signature are read: “%s” is changes requested', (text) => {
    expect(verdict(text)).toEqual({ kind: 'changes', comment: text });
  });

  it('a postscript below the “--” separator is still read, and kept in the comment', () => {
    expect(verdict('OK\n-- \nMe Claire Dupont\nPS : sans « enfin ! »')).toEqual({ kind: 'changes', comment: 'OK\n--\nMe Claire Dupont\nPS : sans « enfin ! »' });
  });

  it('a real signature block (name, titles, firm, address, phone, email, web, confidentiality footer) still approves', () => {
    const signature = [
      'Bien cordialement,',
      '',
      'Me Claire Dupont',
      'Avocate associée',
      'Avocat au Barreau de Paris',
      'Cabinet Arcand & Associés',
      '12 rue de la Paix, 75002 Paris',
      'Tél. : +33 (0)1 23 45 67 89 | Mob. 06 12 34 56 78',
      'claire.dupont@example.org',
      'www.arcand-avocats.fr',
      'Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires.',
      'Si vous l’avez reçu par erreur, merci de le détruire et d’en avertir l’expéditeur.',
    ].join('\n');
    expect(verdict(`Validé, merci.\n\n${signature}`)).toEqual({ kind: 'approve' });
    expect(verdict('OK pour moi.\nBien cordialement,\nClaire Dupont\n\nEnvoyé de mon iPhone')).toEqual({ kind: 'approve' });
    expect(verdict('Approved.\nKind regards\nClaire Dupont\nPartner, Cabinet Arcand\nThis email is confidential and intended solely for its recipients.')).toEqual({ kind: 'approve' });
    expect(isCourtesyOnly(`Merci !\n${signature}`, context)).toBe(true);
  });
});

describe('the comment a reply leaves', () => {
  it('is the partner’s words without the signature that closes them, a postscript kept', () => {
    const signature = 'Bien cordialement,\n\nMe Claire Dupont\nAvocate associée\nTél. : 01 23 45 67 89';
    expect(verdict(`Non, à reformuler :\nle ton est trop familier.\n\n${signature}`)).toEqual({ kind: 'changes', comment: 'Non, à reformuler :\nle ton est trop familier.' });
    expect(commentOf('Bon pour moi\n\nEnvoyé de mon iPhone', context)).toBe('Bon pour moi');
    expect(commentOf(`OK\n${signature}\nPS : sans « enfin ! »`, context)).toBe(`OK\nBien cordialement,\nMe Claire Dupont\nAvocate associée\nTél. : 01 23 45 67 89\nPS : sans « enfin ! »`);
  });
});

describe('the partner’s words around a button', () => {
  it('courtesy alone lets the button’s decision stand; any remark does not', () => {
    expect(isCourtesyOnly('', context)).toBe(true);
    expect(isCourtesyOnly('Merci !\nCordialement\nClaire', context)).toBe(true);
    expect(isCourtesyOnly('Bonjour Sophie,\nMerci', context)).toBe(true);
    expect(isCourtesyOnly('Merci, mais changez le titre', context)).toBe(false);
    expect(isCourtesyOnly('Merci\nCordialement\nClaire\nPS : retirez « enfin ! »', context)).toBe(false);
    expect(isCourtesyOnly('Merci\nCordialement\nClaire\nRetirez « enfin ! »', context)).toBe(false);
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
