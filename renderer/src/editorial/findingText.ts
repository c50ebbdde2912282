import type { TFunction } from 'i18next';
import type { Finding, QuickFix } from '../../../shared/editorial/findingSchema';

const interpolate = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });

/** A finding's sentence in the UI language: the rule's own message when it has one, else the domain's. */
export function findingText(t: TFunction, language: string, finding: Finding): string {
  if (finding.message) return interpolate(language === 'en' ? finding.message.en : finding.message.fr, finding.params);
  return t(finding.messageKey, finding.params);
}

export const fixLabel = (t: TFunction, fix: QuickFix): string => t(fix.labelKey, fix.labelParams);
