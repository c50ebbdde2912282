import { reportFormat } from '../../../../shared/reports/format';
import type { ReportFormat } from '../../../../shared/reports/format';
import { reportMessages } from '../../../../shared/reports/messages';
import type { ReportMessages } from '../../../../shared/reports/messages';
import type { Locale } from '../../../../shared/partners/schema';
import { accentOf } from './colour';
import type { Accent } from './colour';

/** What every block of one report section renders with. */
export interface RenderContext {
  fmt: ReportFormat;
  m: ReportMessages;
  accent: Accent;
  /** Prefix for element ids (SVG titles), unique per section in a document. */
  id: string;
}

/** The firm-wide summary's colour: Plume's own ink. */
export const HOUSE_COLOUR = '#1e1b4b';

export const renderContext = (locale: Locale, zone: string, colour: string, id: string): RenderContext => ({
  fmt: reportFormat(locale, zone),
  m: reportMessages[locale],
  accent: accentOf(colour),
  id,
});

export const accentStyle = ({ accent }: RenderContext): string =>
  `--accent:${accent.accent};--accent-ink:${accent.ink};--accent-soft:${accent.soft};--accent-strong:${accent.strong}`;
