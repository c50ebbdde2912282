import { describe, expect, it } from 'vitest';
import type { Finding, LintContextInput, RuleInput } from '../../../shared/editorial/index';
import { findings } from './helpers';

const limits: RuleInput[] = [{ kind: 'networkLimits', id: 'limits' }];
const over = (text: string, context: LintContextInput, rules: RuleInput[] = limits): Pick<Finding, 'messageKey' | 'params' | 'network' | 'range'>[] =>
  findings(text, rules, context).map(({ messageKey, params, network, range }) => ({ messageKey, params, network, range }));

describe('hard limits per network, counted as each network counts', () => {
  it('X: 280 weighted, French accents weigh 1, any URL 23, emoji 2 (twitter-text)', () => {
    const accents = 'é'.repeat(280);
    expect(over(accents, { networks: ['x'] })).toEqual([]);
    expect(over(`${accents}é`, { networks: ['x'] })).toEqual([
      { messageKey: 'editorial.finding.overLimit', params: { network: 'X', used: 281, limit: 280, over: 1 }, network: 'x', range: { from: 280, to: 281 } },
    ]);
    const url = `https://exemple.fr/${'a'.repeat(200)}`;
    expect(over(`${'a'.repeat(256)} ${url}`, { networks: ['x'] })).toEqual([]);
    expect(over('👨‍👩‍👧'.repeat(140), { networks: ['x'] })).toEqual([]);
    expect(over('👨‍👩‍👧'.repeat(141), { networks: ['x'] })[0]?.params).toMatchObject({ used: 282, limit: 280 });
  });

  it('Bluesky: 300 graphemes (a ZWJ family counts once) and 3,000 bytes', () => {
    expect(over(`${'👨‍👩‍👧‍👦'.repeat(100)}${'a'.repeat(200)}`, { networks: ['bluesky'] })).toEqual([]);
    // 120 families are 120 graphemes but 3,000 bytes of UTF-8 (25 each).
    expect(over('👨‍👩‍👧‍👦'.repeat(120), { networks: ['bluesky'] })).toEqual([]);
    expect(over('👨‍👩‍👧‍👦'.repeat(121), { networks: ['bluesky'] }).map((f) => [f.messageKey, f.params])).toEqual([
      ['editorial.finding.overBytes', { network: 'Bluesky', used: 3025, limit: 3000 }],
    ]);
    expect(over('e\u0301'.repeat(301), { networks: ['bluesky'] })[0]?.params).toEqual({ network: 'Bluesky', used: 301, limit: 300, over: 1 });
  });

  it('Mastodon: the instance’s limit, each URL as 23', () => {
    const url = `https://exemple.fr/${'a'.repeat(300)}`;
    expect(over(`${'a'.repeat(476)} ${url}`, { networks: ['mastodon'] })).toEqual([]);
    expect(over(`${'a'.repeat(477)} ${url}`, { networks: ['mastodon'] })[0]?.params).toEqual({ network: 'Mastodon', used: 501, limit: 500, over: 1 });
    expect(over('a'.repeat(600), { networks: ['mastodon'], mastodonMaxCharacters: 1000 })).toEqual([]);
  });

  it('Threads: 500, emoji counting their UTF-8 bytes, and more than 5 links fails', () => {
    expect(over('🙂'.repeat(125), { networks: ['threads'] })).toEqual([]);
    expect(over('🙂'.repeat(126), { networks: ['threads'] })[0]?.params).toMatchObject({ used: 504, limit: 500 });
    const links = Array.from({ length: 6 }, (_, i) => `https://exemple.fr/${String(i)}`).join(' ');
    expect(over(links, { networks: ['threads'] }).map((f) => f.messageKey)).toEqual(['editorial.finding.tooManyLinks']);
  });

  it('LinkedIn: counted after its little-text escaping', () => {
    expect(over('a'.repeat(3000), { networks: ['linkedin'] })).toEqual([]);
    expect(over(`${'a'.repeat(2999)}*`, { networks: ['linkedin'] })[0]?.params).toMatchObject({ used: 3001, limit: 3000 });
  });

  it('checks only the networks the post goes to', () => {
    expect(over('a'.repeat(400), { networks: ['linkedin'] })).toEqual([]);
    expect(over('a'.repeat(400), { networks: ['x', 'bluesky', 'linkedin'] }).map((f) => f.network)).toEqual(['x', 'bluesky']);
  });
});

describe('the line’s softer length target', () => {
  const target: RuleInput[] = [...limits, { kind: 'lengthTarget', id: 'target', targets: [{ network: 'linkedin', max: 1300 }, { network: 'x', max: 200 }] }];

  it('warns past the target, in the network’s own unit', () => {
    expect(over('a'.repeat(1301), { networks: ['linkedin'] }, target)).toEqual([
      { messageKey: 'editorial.finding.overTarget', params: { network: 'LinkedIn', used: 1301, target: 1300 }, network: 'linkedin', range: { from: 1300, to: 1301 } },
    ]);
    expect(over('é'.repeat(200), { networks: ['x'] }, target)).toEqual([]);
  });

  it('stays quiet past the hard limit, where the error already speaks', () => {
    expect(over('a'.repeat(300), { networks: ['x'] }, target).map((f) => f.messageKey)).toEqual(['editorial.finding.overLimit']);
  });
});

describe('characters X refuses', () => {
  it('flags U+FFFE and U+FFFF for X, with a fix that removes them', () => {
    const text = 'Bonjour\ufffe le\uffff monde';
    const found = findings(text, limits, { networks: ['x', 'linkedin'] });
    expect(found.map((f) => [f.messageKey, f.params.code, f.network, f.range])).toEqual([
      ['editorial.finding.xRejectedCharacter', 'U+FFFE', 'x', { from: 7, to: 8 }],
      ['editorial.finding.xRejectedCharacter', 'U+FFFF', 'x', { from: 11, to: 12 }],
    ]);
    expect(found[0]?.fix?.edits).toEqual([{ from: 7, to: 8, insert: '' }]);
  });

  it('says nothing of them when the post does not go to X', () => {
    expect(findings('a\ufffeb', limits, { networks: ['linkedin'] })).toEqual([]);
  });
});
