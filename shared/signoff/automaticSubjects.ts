/**
 * Subjects that mail clients put on an out-of-office answer when no header says so (an Outlook
 * client rule, a webmail's vacation reply without Auto-Submitted), in French, English and
 * German. Only at the start of the subject: "RE : Validation demandée" is a person answering
 * (an absence notice under "RE : …" is known by its body: absenceNotice.ts).
 */
const OPENINGS = [
  // fr
  'r[ée]ponse automatique',
  'r[ée]ponse d[’\']absence',
  'message d[’\']absence',
  'absence du bureau',
  'absente? du bureau',
  'absente? du cabinet',
  'absente? jusqu',
  'absente? (?:à|a) partir',
  'absence jusqu',
  'en cong[ée]s?(?: jusqu|$| du)',
  'hors du bureau',
  'message automatique',
  // en
  'automatic reply',
  'auto[- ]?reply',
  'auto[- ]?response',
  'out of (?:the )?office',
  'away until',
  '(?:i am |i[’\']m )?away from (?:the )?office',
  'on (?:annual )?leave until',
  'on vacation until',
  'vacation (?:reply|response)',
  // de
  'automatische antwort',
  'abwesenheitsnotiz',
  'nicht im b[üu]ro',
] as const;

const AUTOMATIC_SUBJECT = new RegExp(`^[[(]?(?:${OPENINGS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

export const isAutomaticSubject = (subject: string): boolean => AUTOMATIC_SUBJECT.test(subject.replace(/[\s\u00a0\u202f]+/gu, ' ').trim());
