import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../shared/editorial/index';
import golden from './sameFindings.golden.json';
import { lintCorpus } from './lintCorpus';

/**
 * The linter's per-line caches and shortcuts change no finding: every step of the corpus
 * (the bench's line and post, keystrokes and line breaks typed one after another, mixed
 * entities, every network) gives, byte for byte, the result the linter gave before them.
 */
describe('optimised lint', () => {
  it('gives exactly the findings of the linter before per-line caching, after every edit', () => {
    const expected: Record<string, { findings: number; sha256: string }> = golden;
    const steps = lintCorpus();
    expect(steps.map((step) => step.name)).toEqual(Object.keys(expected));
    for (const step of steps) {
      const result = lint(step.text, step.line, step.context);
      const sha256 = createHash('sha256').update(JSON.stringify(result)).digest('hex');
      expect({ step: step.name, findings: result.findings.length, sha256 }).toEqual({ step: step.name, ...expected[step.name] });
    }
  });
});
