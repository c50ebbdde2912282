import { describe, expect, it } from 'vitest';
import { uiMessages } from '../../../renderer/src/i18n/resources';

/** Every string of a nested dictionary, with its dotted key. */
function strings(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => strings(value, [...path, key]));
}

describe('the French UI', () => {
  it('puts a no-break space, never a plain one, before : ; ! ?', () => {
    // A plain space before the sign lets a line break leave it alone at the start of a line.
    const offending = strings(uiMessages('fr')).filter(([, text]) => / [:;!?](?=\s|$)/u.test(text));
    expect(offending).toEqual([]);
  });
});
