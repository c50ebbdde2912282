import { describe, expect, it } from 'vitest';
import { newRule } from '../../../renderer/src/editorial/ruleTemplates';
import { issueMessage } from '../../../shared/api/issueKeys';
import { cadenceSaveProblems } from '../../../shared/calendar/cadencePolicy';
import { PartnerLine } from '../../../shared/editorial/lineSchema';
import { lint } from '../../../shared/editorial/lint';
import { PLACEHOLDER_SNIPPET_ID, Rule, ruleSaveProblems } from '../../../shared/editorial/ruleSchema';
import { lineWith } from './helpers';

const said = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => ({ path: issue.path, ...issueMessage({ code: 'custom', input: null, path: issue.path, message: issue.message }) }));

describe('a required-snippet rule without its snippet', () => {
  it('is refused as it comes from « Nouvelle règle », on its snippet field', () => {
    const parsed = Rule.safeParse(newRule('requiredSnippet', new Set()));
    expect(parsed.success).toBe(false);
    expect(said(parsed.error?.issues ?? [])).toEqual([{ path: ['snippetId'], messageKey: 'editorialLine.errors.chooseSnippet', params: {} }]);
  });

  it('is refused on save with the placeholder id earlier versions stored, which a stored line still reads', () => {
    const rule = Rule.parse({ kind: 'requiredSnippet', id: 'required-snippet', snippetId: PLACEHOLDER_SNIPPET_ID, text: '…' });
    expect(said(ruleSaveProblems([rule]))).toEqual([{ path: ['rules', 0, 'snippetId'], messageKey: 'editorialLine.errors.chooseSnippet', params: {} }]);
    expect(PartnerLine.safeParse({ id: 'partner-p', partnerId: 'p', version: 1, rules: [rule] }).success).toBe(true);
  });

  it('is accepted once a snippet is chosen', () => {
    const rule = Rule.parse({ kind: 'requiredSnippet', id: 'required-snippet', snippetId: '5b0c5d1e-8c4b-4c0e-9d55-2f1f4f7f6a10', text: 'Avocat au barreau de Paris' });
    expect(ruleSaveProblems([rule])).toEqual([]);
  });
});

describe('banned terms listed twice', () => {
  it('are refused on the second row, naming the first, whatever the case and accents (as matching folds them)', () => {
    const rule = Rule.parse({
      kind: 'bannedTerm',
      id: 'banned-term',
      terms: [{ term: 'gratuit', replacement: 'offert' }, { term: 'leader' }, { term: ' Gratuit ' }, { term: 'Léader' }, { term: 'gratuite' }],
    });
    expect(said(ruleSaveProblems([newRule('emojiCount', new Set()), rule]))).toEqual([
      { path: ['rules', 1, 'terms', 2, 'term'], messageKey: 'editorialLine.errors.duplicateTerm', params: { term: 'Gratuit', first: 1 } },
      { path: ['rules', 1, 'terms', 3, 'term'], messageKey: 'editorialLine.errors.duplicateTerm', params: { term: 'Léader', first: 2 } },
    ]);
  });

  it('are still read back from a line stored with them', () => {
    const rules = [{ kind: 'bannedTerm', id: 'banned-term', terms: [{ term: 'gratuit' }, { term: 'Gratuit' }] }];
    expect(PartnerLine.safeParse({ id: 'partner-p', partnerId: 'p', version: 1, rules }).success).toBe(true);
  });
});

describe('a weekly cadence row', () => {
  it('is refused on its minimum when the minimum is above the maximum, naming the maximum', () => {
    const postsPerWeek = [{ network: 'linkedin' as const, min: 5, max: 2 }, { network: 'x' as const, min: 2, max: 2 }, { network: 'bluesky' as const, min: 4 }, { network: 'threads' as const, max: 1 }];
    expect(said(cadenceSaveProblems({ postsPerWeek }))).toEqual([{ path: ['postsPerWeek', 0, 'min'], messageKey: 'editorialLine.errors.minAboveMax', params: { max: 2 } }]);
  });

  it('is still read back from a line stored with a minimum above the maximum', () => {
    const cadence = { postsPerWeek: [{ network: 'linkedin', min: 5, max: 2 }] };
    expect(PartnerLine.safeParse({ id: 'partner-p', partnerId: 'p', version: 1, cadence }).success).toBe(true);
  });
});

describe('a line stored with the placeholder snippet', () => {
  it('asks for nothing on posts (it asked for « … » on every one, with a fix inserting « … »)', () => {
    const placeholder = Rule.parse({ kind: 'requiredSnippet', id: 'required-snippet', snippetId: PLACEHOLDER_SNIPPET_ID, text: '…' });
    expect(lint('Réforme du droit des contrats.', lineWith([placeholder]), { networks: ['linkedin'] }).findings).toEqual([]);
    const chosen = Rule.parse({ kind: 'requiredSnippet', id: 'required-snippet', snippetId: '5b0c5d1e-8c4b-4c0e-9d55-2f1f4f7f6a10', text: 'Avocat au barreau de Paris' });
    expect(lint('Réforme du droit des contrats.', lineWith([chosen]), { networks: ['linkedin'] }).findings.map((f) => f.ruleId)).toEqual(['required-snippet']);
  });
});
