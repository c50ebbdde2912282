import { describe, expect, it } from 'vitest';
import { EditorialLine, PartnerLine } from '../../../shared/editorial/index';
import { issuePath, lineIssueKey } from '../../../shared/editorial/issueKeys';

const issuesOf = (result: { success: boolean; error?: { issues: Parameters<typeof lineIssueKey>[0][] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issuePath(issue), ...lineIssueKey(issue) }));

describe('line issues get a translatable key and their bound', () => {
  it('keeps the keys the schemas chose and turns zod’s own into editorialLine keys', () => {
    const result = EditorialLine.safeParse({
      id: 'firm',
      name: '',
      version: 1,
      rules: [
        { kind: 'sentenceLength', id: 'Bad Id', maxWords: 1 },
        { kind: 'hashtags', id: 'tags', max: 101, required: ['#ok', 'pas ok'] },
        { kind: 'emojiCount', id: 'emoji', max: Number.NaN },
        { kind: 'nope', id: 'x' },
        { kind: 'addressForm', id: 'address', expected: 'toi' },
      ],
      cadence: { quietHours: { from: '25:00', to: '08:00' } },
    });
    expect(issuesOf(result)).toEqual([
      { path: ['name'], messageKey: 'errors.required', params: {} },
      { path: ['rules', 0, 'id'], messageKey: 'editorial.errors.ruleId', params: {} },
      { path: ['rules', 0, 'maxWords'], messageKey: 'errors.tooSmall', params: { minimum: 3 } },
      { path: ['rules', 1, 'required', 1], messageKey: 'editorial.errors.hashtag', params: {} },
      { path: ['rules', 1, 'max'], messageKey: 'errors.tooBig', params: { maximum: 100 } },
      { path: ['rules', 2, 'max'], messageKey: 'errors.notANumber', params: {} },
      { path: ['rules', 3, 'kind'], messageKey: 'editorialLine.errors.unknownKind', params: {} },
      { path: ['rules', 4, 'expected'], messageKey: 'errors.notAChoice', params: { choices: 'vous, tu' } },
      { path: ['cadence', 'quietHours', 'from'], messageKey: 'calendar.errors.localTime', params: {} },
    ]);
  });

  it('names a too long text and too many items with their maximum', () => {
    const result = PartnerLine.safeParse({ id: 'p', partnerId: 'p', version: 1, pillars: ['x'.repeat(61)], disabled: Array.from({ length: 2001 }, () => 'a') });
    expect(issuesOf(result)).toEqual([
      { path: ['disabled'], messageKey: 'errors.tooMany', params: { maximum: 2000 } },
      { path: ['pillars', 0], messageKey: 'errors.tooLong', params: { maximum: 60 } },
    ]);
  });
});
