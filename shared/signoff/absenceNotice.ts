import { fold } from './signatureLines';

/**
 * Words only an out-of-office notice says, in French and English, on the folded text (lower
 * case, no accents, apostrophes as spaces): "Je suis absente jusqu’au 14 décembre", "avec un
 * accès limité à mes courriels", "(message automatique)", "I am out of the office until…".
 * Clients and webmails send such notices without any header saying so (an Outlook client rule,
 * a vacation reply), some under a subject like "Absente jusqu’au 14 décembre" or "RE : …".
 * A notice is never the partner's decision nor their comment, even with an "OK" in it.
 */
const NOTICES: readonly RegExp[] = [
  // fr
  /\babsente?s? (?:du (?:bureau|cabinet)|jusqu|a partir d|depuis le|pour conges?|en conges?)/u,
  /\bje suis (?:actuellement |en ce moment )?(?:en conges?|en vacances|en deplacement|hors du bureau|en arret)\b/u,
  /\bhors du (?:bureau|cabinet)\b/u,
  /\ben conges? jusqu/u,
  /\bacces (?:tres |tres tres )?(?:limite|restreint|reduit) (?:a|aux) (?:mes |ma |mon )?(?:e ?mails?|courriels?|mails?|messagerie|messages|boite)/u,
  /\b(?:message|reponse) (?:automatique|d absence)\b/u,
  /\bje serai de retour (?:le|au|a|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|des|en|d ici)\b/u,
  /\bje prendrai connaissance de votre (?:message|courriel|mail|e ?mail)/u,
  /\bje (?:vous )?repondrai (?:a votre (?:message|courriel|mail|e ?mail) )?(?:a|des) mon retour\b/u,
  // en
  /\bout of (?:the )?office\b/u,
  /\bi am (?:currently )?(?:away|out|on leave|on vacation|on holiday|travelling|traveling)\b/u,
  /\baway (?:from the office )?until\b/u,
  /\blimited access to (?:my )?(?:e ?mails?|inbox|messages)\b/u,
  /\b(?:this is an |an )?automatic (?:reply|response|message)\b/u,
  /\bauto ?(?:reply|response)\b/u,
  /\bi will (?:be back|return) (?:on|to the office)\b/u,
  /\bi will (?:respond|reply|answer|get back to you) (?:to your (?:e ?mail|message) )?(?:upon|on|when i) (?:my )?return\b/u,
];

/** Whether a message's own text (its quoted history removed) is an out-of-office notice. */
export function isAbsenceNotice(text: string): boolean {
  const folded = fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return NOTICES.some((notice) => notice.test(folded));
}
