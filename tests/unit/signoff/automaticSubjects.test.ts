import { describe, expect, it } from 'vitest';
import { isAutomaticSubject } from '../../../shared/signoff/automaticSubjects';

describe('an out-of-office subject, when no header says the message is automatic', () => {
  it.each([
    'Réponse automatique : absent',
    'Réponse automatique\u00a0: Validation demandée : « Réforme »',
    'Reponse automatique: absente',
    'Absence du bureau',
    'Absente du bureau jusqu’au 1er décembre',
    'Message d’absence',
    "Réponse d'absence : Claire Dupont",
    'Automatic reply: Sign-off requested: "Reform"',
    'Auto-reply: away',
    'Autoreply: away',
    'Out of Office: Claire Dupont',
    '[Out of office] back on Monday',
    'Automatische Antwort: Validation demandée',
    'Abwesenheitsnotiz: Claire Dupont',
  ])('“%s” is automatic', (subject) => {
    expect(isAutomaticSubject(subject)).toBe(true);
  });

  it.each([
    'RE : Validation demandée : « Réforme du droit des contrats »',
    'RE: Réponse automatique : absent',
    'Je valide : « Réforme »',
    'Absent ce soir mais OK pour moi',
    'Automatically approved?',
    'Outlook: OK',
    '',
  ])('“%s” is a person writing', (subject) => {
    expect(isAutomaticSubject(subject)).toBe(false);
  });
});
