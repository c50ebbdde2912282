import { describe, expect, it } from 'vitest';
import { textsDiff, wordDiff } from '../../../shared/signoff/wordDiff';

const render = (parts: { op: string; text: string }[]) =>
  parts.map((p) => (p.op === 'insert' ? `{+${p.text}+}` : p.op === 'delete' ? `[-${p.text}-]` : p.text)).join('');

describe('word diff', () => {
  it('marks a replaced word as one deletion and one insertion, the rest equal', () => {
    expect(render(wordDiff('Le juge peut réviser le contrat.', 'Le juge doit réviser le contrat.'))).toBe('Le juge [-peut-]{+doit+} réviser le contrat.');
  });

  it('identical texts give one equal part and no change', () => {
    expect(wordDiff('Même texte', 'Même texte')).toEqual([{ op: 'equal', text: 'Même texte' }]);
  });

  it('re-assembles both texts: equal+deleted parts give the old one, equal+inserted the new one', () => {
    const before = 'Trois points :\n• imprévision\n• révision';
    const after = 'Quatre points :\n• imprévision\n• résolution\n• révision';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(after);
  });
});

describe('per-network diff', () => {
  it('lists networks in their usual order, marks which changed, and shows an added network as wholly inserted', () => {
    const diff = textsDiff({ x: 'Bonjour', linkedin: 'Bonjour' }, { linkedin: 'Bonjour à tous', x: 'Bonjour', bluesky: 'Salut' });
    expect(diff.map((d) => [d.network, d.changed])).toEqual([
      ['linkedin', true],
      ['x', false],
      ['bluesky', true],
    ]);
    expect(diff.find((d) => d.network === 'bluesky')?.parts).toEqual([{ op: 'insert', text: 'Salut' }]);
  });

  it('a network dropped shows as wholly deleted', () => {
    expect(textsDiff({ x: 'Bonjour' }, {})).toEqual([{ network: 'x', changed: true, parts: [{ op: 'delete', text: 'Bonjour' }] }]);
  });
});
