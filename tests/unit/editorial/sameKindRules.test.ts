import { describe, expect, it } from 'vitest';
import { applyFix, lint, PartnerLine, resolveLine } from '../../../shared/editorial/index';
import type { RuleInput } from '../../../shared/editorial/index';
import { lineWith } from './helpers';

const partnerLine = (rules: RuleInput[]) => PartnerLine.parse({ id: 'partner-line', partnerId: 'p1', version: 3, rules });

describe('two rules of the same kind give each problem once', () => {
  const text = 'Attention : délai ! «Oui»';

  it('lists a missing space once when the partner adds its own « Typographie française » beside the firm’s', () => {
    const firm = lineWith([{ kind: 'frenchTypography', id: 'typo' }]);
    const resolved = resolveLine(firm, partnerLine([{ kind: 'frenchTypography', id: 'partner-typo' }]), 'fr');
    expect(resolved.rules.map((r) => r.rule.id)).toEqual(['typo', 'partner-typo']);
    const { findings } = lint(text, resolved);
    expect(findings.map((f) => f.params.char)).toEqual([':', '!', '«', '»']);
    expect(findings.filter((f) => f.fix)).toHaveLength(4);
    // The partner's rule is the one shown: its line, its version.
    expect(findings.map((f) => [f.ruleId, f.origin])).toEqual(Array(4).fill(['partner-typo', { scope: 'partner', version: 3 }]));
    expect(new Set(findings.map((f) => f.id)).size).toBe(4);
    const first = findings[0];
    expect(first?.fix && applyFix(text, first.fix)).toBe('Attention\u00a0: délai ! «Oui»');
  });

  it('keeps the more severe of the two, whichever line it comes from', () => {
    const firm = lineWith([{ kind: 'bannedTerm', id: 'firm-banned', severity: 'error', terms: [{ term: 'meilleur' }] }]);
    const resolved = resolveLine(firm, partnerLine([{ kind: 'bannedTerm', id: 'own-banned', severity: 'warning', terms: [{ term: 'meilleur' }, { term: 'leader' }] }]), 'fr');
    const { findings } = lint('Le meilleur cabinet, leader du marché.', resolved);
    expect(findings.map((f) => [f.params.term, f.ruleId, f.severity, f.origin.scope])).toEqual([
      ['meilleur', 'firm-banned', 'error', 'organisation'],
      ['leader', 'own-banned', 'warning', 'partner'],
    ]);
  });

  it('keeps findings that differ in what they say or where', () => {
    const firm = lineWith([{ kind: 'bannedTerm', id: 'firm-banned', terms: [{ term: 'meilleur', replacement: 'reconnu' }] }]);
    const resolved = resolveLine(firm, partnerLine([{ kind: 'bannedTerm', id: 'own-banned', terms: [{ term: 'meilleur' }] }]), 'fr');
    expect(lint('Le meilleur.', resolved).findings.map((f) => f.messageKey)).toEqual(['editorial.finding.bannedTermReplace', 'editorial.finding.bannedTerm']);
  });
});
