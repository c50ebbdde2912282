import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/editorial/findingSchema';
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
    rule: (finding) => t('editorialEditor.rule', { kind: t(`editorial.kind.${finding.kind}`), id: finding.ruleId }),
    network: (finding) => (finding.network ? t('editorialEditor.network', { network: networkLabels[finding.network] }) : null),
    excerpt: (finding, text) => {
      const { from, to } = finding.range;
      if (from === to) return t('editorialEditor.endOfPost');
      if (from === 0 && to >= text.length) return t('editorialEditor.wholePost');
      const quoted = text.slice(from, to).replace(/\s+/gu, ' ');
      return t('editorialEditor.excerpt', { text: quoted.length > EXCERPT_MAX ? `${quoted.slice(0, EXCERPT_MAX - 1)}…` : quoted });
    },
  };
}
