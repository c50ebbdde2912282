import type { Locale } from '../../../../shared/partners/schema';
import { networkLabels, networks } from '../../../../shared/posts/networks';
import type { RequestLayout } from '../../../../shared/signoff/suggestedText';
import { previewStrings } from './previewStrings';

/** Every sentence of the sign-off emails, in the partner's language. */
export interface EmailStrings {
  subjectRequest(title: string): string;
  subjectRerequest(title: string): string;
  subjectCorrections(title: string): string;
  subjectReminder(title: string, deadline: string): string;
  subjectLastReminder(title: string, deadline: string): string;
  /** Names a post with neither title nor text in a subject (see requestSubjects.ts, `subjectTitle`). */
  untitled: string;
  /** The opening line, from the partner's display name (see `addressedAs`). */
  greeting(name: string): string;
  introRequest: string;
  introRerequest: string;
  /** A re-request after the partner's own corrections were applied: is it right now? */
  introCorrections: string;
  introReminder: string;
  scheduledLabel: string;
  notScheduled: string;
  deadlineLabel: string;
  noDeadline: string;
  previewHeading(network: string): string;
  changesHeading: string;
  overrideHeading: string;
  overrideIntro: string;
  commentsHeading: string;
  approveButton: string;
  changesButton: string;
  plainReplyHint: string;
  textApproveLink: string;
  textChangesLink: string;
  mailtoApproveSubject(title: string): string;
  mailtoChangesSubject(title: string): string;
  mailtoApproveBody: string;
  mailtoChangesBody: string;
  reference(token: string): string;
  footer(revision: number, fingerprint: string): string;
}

/** « Me » or « Maître » before a name: the lawyer's title, which a greeting says alone or leaves out. */
const LAWYER_TITLE = /^(?:me|maître|maitre)\.?[\s\u00a0]+/iu;

/** A display name as a greeting uses it: whether it carries a lawyer's title, and the name without it. */
export function addressedAs(displayName: string): { lawyer: boolean; name: string } {
  const name = displayName.trim();
  const title = LAWYER_TITLE.exec(name);
  return title ? { lawyer: true, name: name.slice(title[0].length).trim() } : { lawyer: false, name };
}

const fr: EmailStrings = {
  subjectRequest: (title) => `Validation demandée\u00a0: «\u00a0${title}\u00a0»`,
  subjectRerequest: (title) => `Nouvelle version à valider\u00a0: «\u00a0${title}\u00a0»`,
  subjectCorrections: (title) => `Vos corrections sont appliquées\u00a0: «\u00a0${title}\u00a0»`,
  subjectReminder: (title, deadline) => `Rappel — validation attendue avant ${deadline}\u00a0: «\u00a0${title}\u00a0»`,
  subjectLastReminder: (title, deadline) => `Dernier rappel — validation attendue avant ${deadline}\u00a0: «\u00a0${title}\u00a0»`,
  untitled: 'Sans titre',
  // « Me » is written before a name, never said to the person: « Bonjour Maître, ».
  greeting: (name) => (addressedAs(name).lawyer ? 'Bonjour Maître,' : `Bonjour ${addressedAs(name).name},`),
  introRequest: 'Voici le texte préparé pour publication en votre nom. Rien ne sera publié sans votre validation de ce texte exact.',
  introRerequest: 'Voici une nouvelle version du texte préparé pour publication en votre nom. Rien ne sera publié sans votre validation de ce texte exact.',
  introCorrections:
    'Vos corrections sont appliquées\u00a0: est-ce bon pour vous\u202f? Voici le texte tel qu’il sera publié en votre nom. Rien ne sera publié sans votre validation de ce texte exact.',
  introReminder: 'Ce texte attend toujours votre validation. Sans réponse avant l’échéance, il ne sera pas publié.',
  scheduledLabel: 'Publication prévue',
  notScheduled: 'date à définir',
  deadlineLabel: 'Validation attendue avant',
  noDeadline: 'pas d’échéance',
  previewHeading: (network) => `Aperçu ${network}`,
  changesHeading: 'Ce qui a changé depuis la version que vous avez vue',
  overrideHeading: 'Écart assumé à la ligne éditoriale',
  overrideIntro: 'Ce texte s’écarte de la ligne éditoriale convenue. Justification\u00a0:',
  commentsHeading: 'Commentaires',
  approveButton: 'Valider',
  changesButton: 'Demander des modifications',
  plainReplyHint: 'Vous pouvez aussi répondre simplement «\u00a0OK\u00a0» à ce courriel pour valider, ou répondre avec vos remarques.',
  textApproveLink: 'Pour valider, ouvrez ce lien (il prépare un courriel de réponse)\u00a0:',
  textChangesLink: 'Pour demander des modifications\u00a0:',
  mailtoApproveSubject: (title) => `Je valide\u00a0: «\u00a0${title}\u00a0»`,
  mailtoChangesSubject: (title) => `Modifications demandées\u00a0: «\u00a0${title}\u00a0»`,
  mailtoApproveBody: 'Je valide ce texte pour publication.',
  mailtoChangesBody: 'Mes demandes de modifications\u00a0:',
  reference: (token) => `Réf. (ne pas modifier)\u00a0: ${token}`,
  footer: (revision, fingerprint) =>
    `Révision ${revision} · empreinte ${fingerprint}. Toute modification du texte après validation annule celle-ci.`,
};

const en: EmailStrings = {
  subjectRequest: (title) => `Sign-off requested: "${title}"`,
  subjectRerequest: (title) => `New version to sign off: "${title}"`,
  subjectCorrections: (title) => `Your corrections are applied: "${title}"`,
  subjectReminder: (title, deadline) => `Reminder — sign-off needed by ${deadline}: "${title}"`,
  subjectLastReminder: (title, deadline) => `Last reminder — sign-off needed by ${deadline}: "${title}"`,
  untitled: 'Untitled',
  greeting: (name) => `Dear ${addressedAs(name).name},`,
  introRequest: 'Here is the text prepared for publication in your name. Nothing is published without your sign-off on this exact text.',
  introRerequest: 'Here is a new version of the text prepared for publication in your name. Nothing is published without your sign-off on this exact text.',
  introCorrections:
    'Your corrections are applied — is this right for you? Here is the text as it will be published in your name. Nothing is published without your sign-off on this exact text.',
  introReminder: 'This text is still waiting for your sign-off. Without an answer by the deadline, it will not be published.',
  scheduledLabel: 'Scheduled for',
  notScheduled: 'date to be set',
  deadlineLabel: 'Sign-off needed by',
  noDeadline: 'no deadline',
  previewHeading: (network) => `${network} preview`,
  changesHeading: 'What changed since the version you saw',
  overrideHeading: 'Deliberate departure from the editorial line',
  overrideIntro: 'This text departs from the agreed editorial line. Justification:',
  commentsHeading: 'Comments',
  approveButton: 'Approve',
  changesButton: 'Request changes',
  plainReplyHint: 'You can also simply reply "OK" to this email to approve, or reply with your remarks.',
  textApproveLink: 'To approve, open this link (it prepares a reply email):',
  textChangesLink: 'To request changes:',
  mailtoApproveSubject: (title) => `Approved: "${title}"`,
  mailtoChangesSubject: (title) => `Changes requested: "${title}"`,
  mailtoApproveBody: 'I approve this text for publication.',
  mailtoChangesBody: 'The changes I would like:',
  reference: (token) => `Ref. (do not edit): ${token}`,
  footer: (revision, fingerprint) =>
    `Revision ${revision} · fingerprint ${fingerprint}. Any change to the text after sign-off voids it.`,
};

export const emailStrings: Record<Locale, EmailStrings> = { fr, en };

/**
 * The fixed lines a button's pre-filled reply carries, in every language: removed before the
 * partner's own words are read.
 */
/** A string's fixed start: what a template puts before the value it is given. */
const CUT = '\u0000';
const before = (filled: string): string => filled.slice(0, Math.max(0, filled.indexOf(CUT)));

/**
 * How the request email lays out the post (see requestEmail.ts), in both languages: where a
 * reply's quote of it is read for the partner's corrections.
 */
export const requestLayout: RequestLayout = {
  previewHeadings: Object.fromEntries(networks.map((n) => [n, [fr, en].map((s) => s.previewHeading(networkLabels[n]))])),
  // The buttons' labels close the preview in a quote of the HTML part (a line of their own there).
  sectionEnds: [fr, en].flatMap((s) => [
    s.changesHeading,
    s.overrideHeading,
    s.commentsHeading,
    s.plainReplyHint,
    s.textApproveLink,
    s.textChangesLink,
    s.approveButton,
    s.changesButton,
  ]),
  previewDecorations: {
    metaPrefixes: [previewStrings.fr, previewStrings.en].flatMap((p) => [before(p.account(CUT)), p.noAccount]),
    foldMarker: '┄',
    // A fold's note follows the text (and the rest of its chain): like an image's line, it closes the post's text in a quote.
    trailerPrefixes: [previewStrings.fr, previewStrings.en].flatMap((p) => [
      before(p.image(CUT)),
      before(p.imageLeftOut(CUT)).replace(/^\[/u, ''),
      before(p.card(CUT, '')),
      ...networks.flatMap((n) => (['desktop', 'mobile'] as const).map((width) => before(p.foldNote(width, networkLabels[n], CUT)).replace(/[\s\u00a0«"]+$/u, ''))),
    ]),
  },
};

/** Each with its no-break spaces, and as e-mails sent before Plume wrote them (or a client rewrote them) with plain ones. */
export const prefilledLines: readonly string[] = [fr, en]
  .flatMap((s) => [s.mailtoApproveBody, s.mailtoChangesBody])
  .flatMap((line) => [...new Set([line, line.replace(/[\u00a0\u202f]/gu, ' ')])]);
