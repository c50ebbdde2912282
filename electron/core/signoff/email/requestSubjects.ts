import { emailStrings } from './strings';

/** Spaces as mail clients rewrite them (no-break, narrow, runs of them), so subjects compare. */
const spaced = (text: string): string => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();

/** What replying and forwarding put before a subject: "RE :", "Re:", "AW:", "TR :", "Fwd:", "WG:", "RV:", "SV:", "[2] Re:" … */
const REPLY_PREFIX = /^(?:\[\d+\]\s*)?(?:re|ré|aw|antw|sv|vs|tr|fwd?|wg|rv)\s*(?:\[\d+\])?\s*:\s*/iu;

/** The subject without the reply and forward prefixes mail clients add. */
export function withoutReplyPrefixes(subject: string): string {
  let rest = spaced(subject);
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(REPLY_PREFIX, '');
  }
  return rest;
}

/**
 * Whether a reply's subject, its prefixes removed, is the subject of a request or reminder we
 * sent about a post with this title, in either language (a reminder's deadline may be any).
 */
export function isRequestSubject(subject: string, title: string): boolean {
  const asked = withoutReplyPrefixes(subject);
  const mark = '\u0000';
  return Object.values(emailStrings).some((s) => {
    const fixed = [s.subjectRequest(title), s.subjectRerequest(title), s.subjectCorrections(title)].map(spaced);
    if (fixed.includes(asked)) return true;
    return [s.subjectReminder(title, mark), s.subjectLastReminder(title, mark)].some((template) => {
      const [before = '', after = ''] = spaced(template).split(mark);
      return asked.length > before.length + after.length && asked.startsWith(before.trimEnd()) && asked.endsWith(after.trimStart());
    });
  });
}
