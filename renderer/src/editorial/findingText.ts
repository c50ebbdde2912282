import type { TFunction } from 'i18next';
import type { Finding, QuickFix } from '../../../shared/editorial/findingSchema';
import { withoutDoubledStop } from '../../../shared/editorial/sentenceEnd';

const interpolate = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });

/** A finding's sentence in the UI language: the rule's own message when it has one, else the domain's. */
export function findingText(t: TFunction, language: string, finding: Finding): string {
  const text = finding.message ? interpolate(language === 'en' ? finding.message.en : finding.message.fr, finding.params) : t(finding.messageKey, finding.params);
  // A quoted mention or term may end with its own stop: the sentence then ends there.
  return withoutDoubledStop(text);
}

export const fixLabel = (t: TFunction, fix: QuickFix): string => t(fix.labelKey, fix.labelParams);
