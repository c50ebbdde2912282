import EmailReplyParser from 'email-reply-parser';

/**
 * Quote headers email-reply-parser misses, checked line by line on what it leaves: Outlook's
 * French header block without an address ("De : Plume" then "Envoyé :"), an attribution line
 * not preceded by a blank line, Outlook's separators. Everything from such a line on is the
 * quoted original.
 */
// "Le 24 nov. 2025 à 10:00, Plume <…> a écrit :", "On Mon, Nov 24, 2025 at 10:00 Plume wrote:" —
// a date is required, so "OK, sauf ce que Paul a écrit :" is never mistaken for a header.
const ATTRIBUTION = /^(le|on)\s.*\d.*(\sa\s+écrit|\swrote)\s*:$/iu;
const SEPARATOR = /^(-{2,}\s*(original message|message d'origine|message transféré|forwarded message)\s*-{2,}|_{10,})$/iu;
const HEADER_FROM = /^\*?(de|from|von)\s*:/iu;
const HEADER_NEXT = /^\*?(envoyé|sent|gesendet|date|datum|à|to|an|objet|subject|betreff|cc)\s*:/iu;

function cutAtQuoteHeader(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (ATTRIBUTION.test(line) || SEPARATOR.test(line)) return lines.slice(0, i);
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((next) => HEADER_NEXT.test(next.trim()))) return lines.slice(0, i);
  }
  return lines;
}

/**
 * The partner's own words in a reply: quoted history removed. Tokens count only here (and in
 * the subject): the quoted original carries both buttons' tokens.
 *
 * The signature stays: email-reply-parser hides everything from a closing line ("Bien
 * cordialement,", "Regards") down, and a "PS : retirez « enfin ! »" typed below it would vanish
 * with it. What a signature may hold is judged by shared/signoff/replyDecision.ts.
 */
export function ownReplyText(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f]/g, ' ');
  const fragments = new EmailReplyParser().read(normalised).getFragments();
  const own = fragments
    .filter((fragment) => !fragment.isQuoted())
    .map((fragment) => fragment.getContent())
    .join('\n');
  return cutAtQuoteHeader(own.split('\n')).join('\n').trim();
}
