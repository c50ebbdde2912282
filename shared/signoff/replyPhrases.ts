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
  // en
  'approved', 'approve', 'i approve', 'approved for publication', 'ok to publish', 'okay to publish', 'good to go',
  'go ahead', 'looks good', 'all good', 'fine by me', 'lgtm',
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

/** A line that starts a signature block or a mobile footer: everything from it on is ignored. */
export const signatureStarts: readonly RegExp[] = [
  /^(--|—|–|-{2,}|_{2,})\s*$/u,
  /^(envoy[ée] (de|depuis|à partir de)|sent from|get outlook for|t[ée]l[ée]charger outlook)/iu,
];
