import { describe, expect, it } from 'vitest';
import { defaultLengthTarget } from '../../../renderer/src/editorial/ruleTemplates';
import { lengthTargetProblems } from '../../../shared/editorial/lengthTargetProblems';
import { DEFAULT_MASTODON_MAX_CHARACTERS } from '../../../shared/editorial/networks/limits';
import { Rule } from '../../../shared/editorial/ruleSchema';
import { networks } from '../../../shared/posts/networks';

describe('the target a new length-target row starts with', () => {
  it('is valid for every network: under its hard limit (Mastodon: the default instance’s)', () => {
    const rule = Rule.parse({ kind: 'lengthTarget', id: 'length-target', targets: networks.map((network) => ({ network, max: defaultLengthTarget(network) })) });
    expect(lengthTargetProblems([rule])).toEqual([]);
    expect(defaultLengthTarget('mastodon')).toBeLessThan(DEFAULT_MASTODON_MAX_CHARACTERS);
    expect(defaultLengthTarget('x')).toBeLessThan(280);
  });
});
