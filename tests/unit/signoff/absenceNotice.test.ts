import { describe, expect, it } from 'vitest';
import { isAbsenceNotice } from '../../../shared/signoff/absenceNotice';
import { isAutomaticSubject } from '../../../shared/signoff/automaticSubjects';

describe('an out-of-office notice known by its words, when no header says so', () => {
  it.each([
    'Bonjour,\n\nJe suis absente jusqu’au 14 décembre, avec un accès limité à mes courriels.\n\nClaire Dupont',
    'OK\n\nJe suis absente jusqu’au 14 décembre (message automatique).',
    'Je suis absente du cabinet jusqu’au 14 décembre. OK pour les urgences : contactez le standard.',
    'Je suis actuellement en congé. Je prendrai connaissance de votre message à mon retour.',
    'Hors du bureau jusqu’au lundi 4 janvier.',
    'Accès limité à mes e-mails jusqu’au 3 janvier.',
    'I am out of the office until 14 December with limited access to email.',
    'I am away until Monday. I will respond to your email upon my return.',
    'This is an automatic reply: I will be back on 2 January.',
  ])('“%s” is a notice', (text) => {
    expect(isAbsenceNotice(text)).toBe(true);
  });

  it.each([
    'OK',
    'Validé, merci.',
    'Non, enlevez le dernier paragraphe.',
    'OK pour moi, je serai au bureau demain si besoin.',
    'Approved. Away we go!',
    'Bon pour publication.\nCordialement,\nMe Claire Dupont\nAvocate associée',
  ])('“%s” is a person writing', (text) => {
    expect(isAbsenceNotice(text)).toBe(false);
  });

  it.each(['Absente jusqu’au 14 décembre', 'Absent jusqu’au 3 janvier', 'Absente du cabinet', 'En congé jusqu’au 2 janvier', 'Hors du bureau', 'Message automatique', 'Away until Monday', 'On leave until 2 January'])(
    'the subject “%s” is automatic',
    (subject) => {
      expect(isAutomaticSubject(subject)).toBe(true);
    },
  );

  it.each(['RE : Absente jusqu’au 14 décembre ? OK quand même', 'Absent ce soir mais OK pour moi', 'Encore une chose', 'Congé ou pas, OK'])('the subject “%s” is a person writing', (subject) => {
    expect(isAutomaticSubject(subject)).toBe(false);
  });
});
