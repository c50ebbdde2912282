import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { uiMessages } from '../../../renderer/src/i18n/resources';
import { issuesFromZod } from '../../../shared/api/errors';
import { PartnerInput } from '../../../shared/partners/schema';
import { MailAccountInput } from '../../../shared/credentials/mail';
import { EditorialLine } from '../../../shared/editorial/index';
import { issuesOfParse, issueFieldPath } from '../../../renderer/src/editorial/lineErrors';
import type { FieldIssue } from '../../../shared/api/errors';

beforeAll(async () => {
  await i18next.init({
    resources: { fr: { translation: uiMessages('fr') }, en: { translation: uiMessages('en') } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});

/** Each field's message as a form shows it: with the issue's values, and as the partner form does, key alone. */
const shown = (language: 'fr' | 'en', issues: readonly FieldIssue[], withValues = true): Record<string, string> => {
  const t = i18next.getFixedT(language);
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), withValues ? t(i.messageKey, i.params ?? {}) : t(i.messageKey)]));
};

const partner = { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' };
const mail = {
  smtp: { host: 'smtp.example.fr', port: 587, security: 'starttls' },
  imap: { host: 'imap.example.fr', port: 993, security: 'tls' },
  username: 'cm',
  fromAddress: 'cm@example.fr',
  password: 'secret',
};
const issuesOf = (result: { success: boolean; error?: Parameters<typeof issuesFromZod>[0] }): FieldIssue[] => (result.error ? issuesFromZod(result.error) : []);

describe('a field’s error says what to do', () => {
  it('names the bounds of a number: the partner’s sign-off lead (0–720 h) and a mail port (1–65535)', () => {
    for (const minutes of [-3 * 60, 100_000 * 60, Number.NaN, 0.5]) {
      const issues = issuesOf(PartnerInput.safeParse({ ...partner, signoffLeadMinutes: minutes }));
      expect(shown('fr', issues, false)).toEqual({ signoffLeadMinutes: 'Entre 0 et 720.' });
      expect(shown('en', issues, false)).toEqual({ signoffLeadMinutes: 'Between 0 and 720.' });
    }
    const port = issuesOf(MailAccountInput.safeParse({ ...mail, smtp: { ...mail.smtp, port: 99_999 } }));
    expect(shown('fr', port)).toEqual({ 'smtp.port': 'Entre 1 et 65\u202f535.' });
    expect(shown('en', port)).toEqual({ 'smtp.port': 'Between 1 and 65,535.' });
  });

  it('names the longest text allowed, even where a form translates the key alone', () => {
    const issues = issuesOf(PartnerInput.safeParse({ ...partner, displayName: 'x'.repeat(10_000) }));
    expect(shown('fr', issues, false)).toEqual({ displayName: '120\u00a0caractères au plus.' });
    expect(shown('en', issues, false)).toEqual({ displayName: 'At most 120 characters.' });
    const fromName = issuesOf(MailAccountInput.safeParse({ ...mail, fromName: 'x'.repeat(121) }));
    expect(shown('fr', fromName)).toEqual({ fromName: '120\u00a0caractères au plus.' });
  });

  it('says an empty required field is required, once', () => {
    const issues = issuesOf(MailAccountInput.safeParse({ ...mail, fromAddress: '  ' }));
    expect(shown('fr', issues)).toEqual({ fromAddress: 'Ce champ est obligatoire.' });
    expect(shown('en', issues)).toEqual({ fromAddress: 'This field is required.' });
    expect(shown('fr', issuesOf(MailAccountInput.safeParse({ ...mail, fromAddress: 'pas une adresse' })))).toEqual({ fromAddress: 'Adresse e-mail invalide.' });
  });

  it('gives an empty banned term one message, « terme 1 » and not its machine path', () => {
    const parsed = EditorialLine.safeParse({ id: 'firm', name: 'Cabinet', version: 1, rules: [{ kind: 'bannedTerm', id: 'jargon', terms: [{ term: '' }] }] });
    const issues = parsed.success ? [] : issuesOfParse(parsed.error);
    expect(issues).toEqual([{ path: ['rules', 0, 'terms', 0, 'term'], messageKey: 'errors.required', params: {} }]);
    const t = i18next.getFixedT('fr');
    const named = (field: string) => t(`editorialLine.fieldNames.${field}`);
    expect(issueFieldPath(['terms', 0, 'term'], named)).toBe('terme 1');
    expect(issueFieldPath(['terms', 1, 'replacement'], named)).toBe('terme 2 › remplacement');
    expect(issueFieldPath(['required', 1], named)).toBe('obligatoires › 2');
  });
});
