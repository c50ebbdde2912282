import { nameTitles } from './replyPhrases';

/**
 * What may stand below a closing formula ("Bien cordialement,") without being read as the
 * partner's words: their name, title and firm, a phone number, an address, an email or web
 * address, a confidentiality footer. Anything else there (a P.S., "Remplacez 18 h par 19 h.")
 * is something the partner asks, and a reply saying it is never a plain approval.
 *
 * Deliberately strict: a signature line this does not recognise makes the reply "changes
 * requested", which a person then reads; the other mistake would publish without approval.
 */

/** Lower case, accents and apostrophes folded, so "Validé" and "valide" compare equal. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/gu, ' ');

export const wordsOf = (line: string): string[] => fold(line).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** "PS :", "P.S.", "P-S", "PPS", "N.B.", "NB :" opening a line: a postscript, always the partner's words. */
const POSTSCRIPT = /^(?:p\.?\s?)?p\s?[.-]?\s?s\b\.?|^n\s?\.?\s?b\b\.?/iu;

export const isPostscript = (line: string): boolean => POSTSCRIPT.test(line.trim());

/** Words of a title, a firm or a practice ("Avocate associée", "Avocat au Barreau de Paris", "SELARL …"), folded. */
const TITLE_WORDS = [
  'avocat', 'avocate', 'avocats', 'associe', 'associee', 'associes', 'associees', 'barreau', 'cour', 'toque', 'cabinet',
  'selarl', 'selas', 'scp', 'aarpi', 'sas', 'sarl', 'llp', 'notaire', 'juriste', 'docteur', 'droit', 'affaires', 'contrats',
  'societes', 'fiscal', 'fiscalite', 'social', 'travail', 'contentieux', 'arbitrage', 'specialiste', 'directeur', 'directrice',
  'responsable', 'fondateur', 'fondatrice', 'cofondateur', 'cofondatrice', 'president', 'presidente', 'gerant', 'gerante',
  'partner', 'senior', 'managing', 'associate', 'attorney', 'attorneys', 'counsel', 'solicitor', 'barrister', 'lawyer',
  'law', 'firm', 'corporate', 'tax', 'employment', 'litigation', 'arbitration', 'specialist', 'director', 'head', 'founder',
  'cofounder', 'ceo', 'office', 'bureau',
] as const;

/** Contact labels and address words ("Tél. :", "Ligne directe", "12 rue de la Paix", "75002 Paris Cedex"). */
const CONTACT_WORDS = [
  'tel', 'telephone', 'phone', 'mobile', 'mob', 'portable', 'port', 'fax', 'ligne', 'directe', 'direct', 'standard', 'switchboard',
  't', 'f', 'p', 'e', 'email', 'mail', 'courriel', 'web', 'site', 'linkedin', 'adresse', 'address', 'rue', 'avenue', 'av',
  'boulevard', 'bd', 'place', 'quai', 'allee', 'chemin', 'impasse', 'cours', 'square', 'street', 'st', 'road', 'rd', 'cedex',
  'bp', 'cs', 'france', 'etage', 'floor', 'suite', 'bis', 'ter',
] as const;

/** Small words that join the others ("Avocat au Barreau de Paris"); never a line's first word. */
const JOINING_WORDS = ['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'au', 'aux', 'a', 'en', 'et', 'of', 'at', 'the', 'and', 'in', 'for', 'chez'] as const;

const KNOWN = new Set<string>([...TITLE_WORDS, ...CONTACT_WORDS, ...nameTitles]);
const JOINING = new Set<string>(JOINING_WORDS);

const EMAIL_OR_URL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|\b(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+\.(?:fr|com|org|net|eu|law|avocat\.fr)(?:\/\S*)?/giu;

/**
 * One line of a signature block: every word is the partner's name, title or firm, a title or
 * contact word, a number, a joining word, or a capitalised name after the first word ("Paris"
 * in "Avocat au Barreau de Paris"); the first word is never a verb or a small word. No sentence
 * punctuation: "!", "?" or quotation marks mean someone is saying something.
 */
export function isSignatureLine(line: string, names: ReadonlySet<string>): boolean {
  if (/[!?«»“”"]/u.test(line) || saysWhen(line)) return false;
  const withoutAddresses = line.replace(EMAIL_OR_URL, ' ');
  const hadAddress = withoutAddresses !== line;
  const tokens = withoutAddresses.split(/[^\p{L}\p{N}’'-]+/u).flatMap((t) => t.split(/[’'-]/u)).filter((t) => t.length > 0);
  if (tokens.length === 0) return hadAddress;
  if (tokens.length > 24) return false;
  return tokens.every((token, at) => {
    const word = fold(token).trim();
    if (/^\p{N}+$/u.test(word) || KNOWN.has(word) || names.has(word)) return true;
    // « Dupont Publie Mardi »: a request's verb or a day is no part of a signature.
    if (at === 0 || REQUEST_WORDS.test(word)) return false;
    // A name (« Paris ») or short capitals (« SCP », « EY »); longer capitals (« SAUF LE TITRE ») are someone saying something.
    return JOINING.has(word) || /^\p{Lu}\p{Ll}/u.test(token) || (token.length <= 3 && token === token.toUpperCase());
  });
}

/** A time or a day named (« 19:30 », « 18 h », « lundi », « demain »): a signature never says when; a request does. */
export function saysWhen(line: string): boolean {
  return /\b\d{1,2}\s?(?:[:h]\s?\d{2}|h)\b/iu.test(line) || wordsOf(line).some((word) => WHEN_WORDS.has(word));
}

const WHEN_WORDS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'demain', 'aujourd', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tomorrow', 'today', 'tonight']);

/** Openings of the confidentiality and environment footers firms add under every email. */
const FOOTER_OPENINGS = [
  'ce message', 'ce courriel', 'ce mail', 'ce e mail', 'cet e mail', 'cet email', 'les informations contenues', 'le present message',
  'le present courriel', 'avertissement', 'confidentialite', 'this e mail', 'this email', 'this message', 'the information contained',
  'disclaimer', 'confidentiality', 'pensez a l environnement', 'merci de penser a l environnement', 'please consider the environment',
  'avant d imprimer', 'before printing',
].map((opening) => opening.split(' '));

const FOOTER_SUBJECTS = ['confidentiel', 'confidentiels', 'confidentielle', 'confidentielles', 'confidential', 'destinataire', 'destinataires',
  'recipient', 'recipients', 'privileged', 'secret', 'environnement', 'environment', 'imprimer', 'print', 'printing'] as const;

/** Words a footer never uses and a partner asking for a change does: such a line is read. */
const REQUEST_WORDS = /^(publi|post|texte|text|retir|remplac|modifi|chang|supprim|ajout|corrig|enlev|reformul|relir|attend|wait|remov|replac|edit|delet|add)/u;

/**
 * The first line of a firm's confidentiality or environment footer ("Ce message et ses pièces
 * jointes sont confidentiels…", "This email is confidential…", "Pensez à l’environnement…").
 */
export function isLegalFooter(line: string): boolean {
  const words = wordsOf(line);
  const opens = FOOTER_OPENINGS.some((opening) => opening.every((word, i) => words[i] === word));
  if (!opens || !words.some((word) => (FOOTER_SUBJECTS as readonly string[]).includes(word))) return false;
  return !words.some((word) => REQUEST_WORDS.test(word)) && isFooterContinuation(line);
}

/**
 * A further line of a footer (the rest of its paragraph): footers warn and forbid in general
 * terms (« toute diffusion est interdite », « merci de le supprimer ») but never say when nor
 * ask anything; a line that does is the partner's.
 */
export function isFooterContinuation(line: string): boolean {
  return !/[!?«»“”"]/u.test(line) && !saysWhen(line);
}
