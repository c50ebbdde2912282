/**
 * The words a plain email reply may contain and still count as an approval, folded (lower
 * case, no accents, apostrophes as spaces). Deliberately short: a reply that says anything
 * else is "changes requested", which a person then reads — never a silent approval.
 */
export const approvalPhrases = [
  // fr
  'ok', 'okay', 'ok pour moi', 'ok pour publication', 'ok pour la publication', 'ok pour publier', 'c est ok',
  'c est bon', 'c est bon pour moi', 'd accord', 'daccord', 'accord', 'valide', 'validee', 'valide pour moi',
  'je valide', 'c est valide', 'bon pour publication', 'bon pour accord', 'bon a publier', 'bon pour moi',
  'approuve', 'approuvee', 'j approuve',
  // What partners write as often, a whole line to themselves (« Oui mais… » is not one).
  'oui', 'oui c est bon', 'oui c est ok', 'oui ok', 'oui pour moi', 'oui je valide', 'oui d accord', 'parfait', 'c est parfait',
  'parfait pour moi', 'ca me va', 'ca me va tres bien', 'ca me convient', 'tres bien', 'tres bien pour moi', 'nickel', 'impeccable',
  'feu vert', 'go', 'go pour moi', 'go pour publication',
  // en
  'approved', 'approve', 'i approve', 'approved for publication', 'ok to publish', 'okay to publish', 'good to go',
  'go ahead', 'looks good', 'all good', 'fine by me', 'lgtm', 'yes', 'yes approved', 'perfect', 'sounds good', 'works for me',
] as const;

export const thanksPhrases = [
  'merci', 'merci beaucoup', 'merci bien', 'mille mercis', 'merci a vous', 'merci a toi', 'merci encore', 'un grand merci',
  'thanks', 'thank you', 'thanks a lot', 'many thanks', 'thank you very much', 'thx', 'cheers',
] as const;

/** A closing formula: after it only a signature may follow (name, title, firm, contact details: signatureLines.ts). */
export const closingPhrases = [
  'cordialement', 'bien cordialement', 'tres cordialement', 'bien a vous', 'bien a toi', 'bonne journee', 'bonne soiree',
  'bonne fin de journee', 'a bientot', 'amities', 'best', 'best regards', 'kind regards', 'regards', 'warm regards',
  'best wishes', 'all the best',
] as const;

/** Joins phrases on one line: "merci et bonne journée". */
export const connectors = ['et', 'and'] as const;

/** A first line that only greets: "Bonjour Sophie," — skipped before the approval line. */
export const greetings = ['bonjour', 'bonsoir', 'hello', 'hi', 'dear', 'cher', 'chere', 'salut', 'hey'] as const;

/** Titles that may precede a name in a signature ("Me Claire Dupont"). */
export const nameTitles = ['me', 'maitre', 'mtre', 'dr', 'mr', 'mrs', 'ms', 'mme', 'm'] as const;

/**
 * A line that starts a signature block or a mobile footer: below it only a signature may follow
 * (replyDecision.ts reads any other words there).
 */
export const signatureStarts: readonly RegExp[] = [
  /^(--|—|–|-{2,}|_{2,})\s*$/u,
  /^(envoy[ée] (de|depuis|à partir de)|sent from|get outlook for|t[ée]l[ée]charger outlook|obtenir outlook pour)/iu,
];

/**
 * A reply opening with a clear refusal, on its folded first line (lower case, no accents,
 * apostrophes as spaces): an apology may come first ("Désolée, je ne valide pas"), words naming
 * what is refused may follow ("Je refuse ce texte en l’état"), then the line ends or punctuation
 * does ("Non.", "Non, …", "Je ne valide pas : …"). "No problem" or "Non seulement" are none.
 */
const APOLOGY = '(?:desolee?|sorry|malheureusement|unfortunately|helas|navree?)';
const REFUSALS = [
  // fr
  'non', 'non merci', 'je ne (?:le |la )?valide pas', 'je ne peux pas (?:le |la )?valider', 'je n approuve pas', 'je ne l approuve pas',
  'je (?:le |la )?refuse', 'refusee?', '(?:je ne suis )?pas d accord(?: pour (?:publier|la publication|publication))?', '(?:ce n est )?pas ok',
  'pas valide', 'non valide', 'ne (?:le |la )?publiez pas', 'ne pas publier',
  // en
  'no', 'no thanks', 'not approved', 'not ok', 'i (?:don t|do not|can t|cannot) approve', 'i reject', 'rejected', 'i refuse', 'declined',
  'i decline', '(?:please )?(?:don t|do not) publish',
];
const REFUSED = '(?:ce texte|cette version|ce post|ce message|ce billet|la publication|pour publication|en l etat|pour le moment|pour l instant|this|it|this text|as is|for now)';
export const refusalOpening = new RegExp(`^(?:${APOLOGY}\\s*[,.!…:;–—-]*\\s*)?(?:${REFUSALS.join('|')})(?: ${REFUSED})*\\s*(?:$|[.,;:!…–—-])`, 'u');

/** Word openings that ask a change ("enlevez", "remplacer", "plutôt", "could you"): a "non" saying them asks changes. */
export const changeWords = [
  'enlev', 'retir', 'supprim', 'remplac', 'modifi', 'chang', 'ajout', 'rajout', 'corrig', 'reformul', 'reecri', 'ecrivez', 'mettez',
  'revoi', 'revis', 'reprend', 'reprenez', 'precis', 'raccourc', 'allong', 'plutot', 'place', 'faudrait', 'pourriez', 'pouvez', 'sauf',
  'attend', 'attendez', 'remov', 'replac', 'edit', 'delet', 'add', 'rewrit', 'shorten', 'instead', 'could', 'can', 'fix', 'correct', 'except',
  'wait', 'rather',
] as const;
