import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Finding, TextRange } from '../../../../shared/editorial/findingSchema';
import { networkLabels } from '../../../../shared/posts/networks';
import { findingText, fixLabel } from '../findingText';

const EXCERPT_MAX = 60;

export interface FindingText {
  message: (finding: Finding) => string;
  fixLabel: (finding: Finding) => string | null;
  origin: (finding: Finding) => string;
  rule: (finding: Finding) => string;
  network: (finding: Finding) => string | null;
  /** What the finding points at in the post, quoted (or where, for a missing piece). */
  excerpt: (finding: Finding, text: string) => string;
}

/** A finding in the reader's language: the rule's own message when it has one, else the linter's. */
export function useFindingText(): FindingText {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  return {
    message: (finding) => findingText(t, language, finding),
    fixLabel: (finding) => (finding.fix ? fixLabel(t, finding.fix) : null),
    origin: (finding) => t(`editorialEditor.origin.${finding.origin.scope}`, { version: finding.origin.version }),
    rule: (finding) => ruleName(t, finding),
    network: (finding) => (finding.network ? t('editorialEditor.network', { network: networkLabels[finding.network] }) : null),
    excerpt: (finding, text) => {
      const { from, to } = finding.range;
      if (from === to) return t('editorialEditor.endOfPost');
      if (from === 0 && to >= text.length) return t('editorialEditor.wholePost');
      return t('editorialEditor.excerpt', { text: excerptOf(text, finding.range) });
    },
  };
}

/**
 * The rule as users know it: its kind's name. The id is internal (« french-typography ») and
 * never shown; two rules of one kind differ by what their message quotes (the topic, the term)
 * and by their source, which the card shows on its own line.
 */
export const ruleName = (t: TFunction, finding: Finding): string => t('editorialEditor.rule', { kind: t(`editorial.kind.${finding.kind}`) });

const WORD = /[\p{L}\p{N}\p{M}’'-]/u;
const isWord = (char: string): boolean => char !== '' && WORD.test(char);

/**
 * The quoted text of a range, on whole words: a length finding starts where the limit falls,
 * often mid-word (« t Avocat au Barreau… »); the excerpt then starts at the next word, after
 * « … ». A long one ends on the last whole word that fits, then « … ».
 */
export function excerptOf(text: string, { from, to }: TextRange, max = EXCERPT_MAX): string {
  let start = from;
  let lead = '';
  if (isWord(text.charAt(from - 1)) && isWord(text.charAt(from))) {
    let next = from;
    while (next < to && isWord(text.charAt(next))) next++;
    while (next < to && /\s/u.test(text.charAt(next))) next++;
    if (next < to) {
      start = next;
      lead = '… ';
    } else {
      // Only the end of one word: quote that word whole.
      while (start > 0 && isWord(text.charAt(start - 1))) start--;
    }
  }
  let end = to;
  let tail = '';
  if (isWord(text.charAt(to - 1)) && isWord(text.charAt(to))) {
    const lastSpace = text.slice(start, to).search(/\s\S*$/u);
    if (lastSpace > 0) {
      end = start + lastSpace;
      tail = '…';
    } else {
      while (end < text.length && isWord(text.charAt(end))) end++;
    }
  }
  const quoted = text.slice(start, end).trim().replace(/\s+/gu, ' ');
  if (lead.length + quoted.length + tail.length <= max) return `${lead}${quoted}${tail}`;
  const room = max - lead.length - 1;
  const cut = quoted.slice(0, room + 1).search(/\s\S*$/u);
  // One word longer than the room (a link): cut it where it must.
  return `${lead}${(cut > 0 ? quoted.slice(0, cut) : quoted.slice(0, room)).replace(/[\s,;:]+$/u, '')}…`;
}
