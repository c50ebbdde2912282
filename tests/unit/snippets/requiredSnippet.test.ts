import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/editorial/fixes';
import { resolveLine } from '../../../shared/editorial/resolve';
import { EditorialLine, PartnerLine } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { lint } from '../../../shared/editorial/lint';
import { findings } from '../editorial/helpers';

const SNIPPET_ID = '6f1c2b7e-1d1a-4a52-9a0c-1b2c3d4e5f60';
const rule = (extra: Partial<RuleInput> = {}): RuleInput =>
  ({ kind: 'requiredSnippet', id: 'disclosure', snippetId: SNIPPET_ID, text: 'Avocate au barreau de Paris', ...extra }) as RuleInput;

describe('the required snippet rule', () => {
  it('reports a missing snippet at the end, with a quick fix that inserts it as the locked snippet', () => {
    const text = 'Une décision importante.';
    const [finding, ...rest] = findings(text, [rule()]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'requiredSnippet',
      severity: 'error',
      messageKey: 'editorial.finding.requiredSnippetMissing',
      params: { snippet: 'Avocate au barreau de Paris' },
      range: { from: text.length, to: text.length },
      fix: { labelKey: 'editorial.fix.insertSnippet', labelParams: { snippet: 'Avocate au barreau de Paris' }, snippet: { id: SNIPPET_ID, text: 'Avocate au barreau de Paris', locked: true } },
    });
    const fix = finding?.fix;
    if (!fix) throw new Error('expected a quick fix');
    expect(applyFix(text, fix)).toBe('Une décision importante.\nAvocate au barreau de Paris');
    expect(findings(applyFix(text, fix), [rule()])).toEqual([]);
  });

  it('is satisfied by the snippet’s text whatever its case and accents, and says nothing then', () => {
    expect(findings('Texte.\nAVOCATE AU BARREAU DE PARIS', [rule()])).toEqual([]);
  });

  it('applies only to the networks it names', () => {
    const forLinkedin = [rule({ networks: ['linkedin'] })];
    expect(findings('Texte.', forLinkedin, { networks: ['bluesky'] })).toEqual([]);
    expect(findings('Texte.', forLinkedin, { networks: ['linkedin'] })).toMatchObject([{ network: 'linkedin' }]);
  });

  it('left unlocked, offers a fix that inserts editable text', () => {
    expect(findings('Texte.', [rule({ lockInEditor: false })])[0]?.fix?.snippet).toEqual({ id: SNIPPET_ID, text: 'Avocate au barreau de Paris', locked: false });
  });

  it('lets a signature close the post after its hashtags', () => {
    const text = 'Texte.\n#Droit\nAvocate au barreau de Paris';
    expect(findings(text, [rule(), { kind: 'hashtags', id: 'tags', position: 'end' }])).toEqual([]);
  });

  it('stays locked and on the firm’s snippet when a partner line tightens it', () => {
    const firm = EditorialLine.parse({ id: 'firm', name: 'Cabinet', version: 1, language: 'fr', rules: [rule({ lockInEditor: true })] });
    const partner = PartnerLine.parse({
      id: 'p',
      partnerId: SNIPPET_ID,
      version: 1,
      rules: [rule({ lockInEditor: false, text: 'Autre texte', snippetId: '7f1c2b7e-1d1a-4a52-9a0c-1b2c3d4e5f60' })],
    });
    const [finding] = lint('Texte.', resolveLine(firm, partner)).findings;
    expect(finding?.fix?.snippet).toEqual({ id: SNIPPET_ID, text: 'Avocate au barreau de Paris', locked: true });
  });
});
