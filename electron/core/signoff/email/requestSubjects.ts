import { networks } from '../../../../shared/posts/networks';
import type { Network } from '../../../../shared/posts/networks';
import { postLabel } from '../../../../shared/posts/postTitle';
import { emailStrings } from './strings';
import type { EmailStrings } from './strings';

/** Characters of a post's name a subject carries. */
const SUBJECT_TITLE_MAX = 80;

/**
 * How a request's subject names its post: the title; for a post without one (the default), the
 * first words of the text the partner is asked to approve — they recognise their post by what it
 * says, where « Sans titre » would name every untitled post alike in their inbox and a reply by
 * subject could not be told apart (`isRequestSubject`); « Sans titre » in the partner's language
 * only for a post with no words at all. The texts are the request's frozen ones, in the order of
 * the networks, so the subject is the same each time it is written or compared.
 */
export function subjectTitle(title: string, texts: Partial<Record<Network, string>>, s: Pick<EmailStrings, 'untitled'>): string {
  const text = networks.map((network) => texts[network] ?? '').find((t) => t.trim() !== '') ?? '';
  const source = postLabel(title.trim(), text, s.untitled);
  return source.length > SUBJECT_TITLE_MAX ? `${source.slice(0, SUBJECT_TITLE_MAX - 1)}…` : source;
}

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
 * sent about a post with this title and these texts, in either language (a reminder's deadline may be any).
 */
export function isRequestSubject(subject: string, post: { title: string; texts: Partial<Record<Network, string>> }): boolean {
  const asked = withoutReplyPrefixes(subject);
  const mark = '\u0000';
  return Object.values(emailStrings).some((s) => {
    const title = subjectTitle(post.title, post.texts, s);
    const fixed = [s.subjectRequest(title), s.subjectRerequest(title), s.subjectCorrections(title)].map(spaced);
    if (fixed.includes(asked)) return true;
    return [s.subjectReminder(title, mark), s.subjectLastReminder(title, mark)].some((template) => {
      const [before = '', after = ''] = spaced(template).split(mark);
      return asked.length > before.length + after.length && asked.startsWith(before.trimEnd()) && asked.endsWith(after.trimStart());
    });
  });
}
