import { describe, expect, it } from 'vitest';
import { afterColon, issueFieldPath } from '../../../renderer/src/editorial/lineErrors';

const named = (field: string): string => ({ targets: 'cibles', max: 'maximum', terms: 'termes', term: 'terme' })[field] ?? field;

describe('a line issue in words', () => {
  it('names a length target by its network, its maximum being the target itself', () => {
    const networkOf = (list: string, index: number) => (list === 'targets' ? { name: ['LinkedIn', 'X'][index] ?? `cible ${String(index + 1)}`, itself: 'max' } : undefined);
    expect(issueFieldPath(['targets', 1, 'max'], named, networkOf)).toBe('X');
    expect(issueFieldPath(['targets', 1, 'network'], named, networkOf)).toBe('X › network');
    expect(issueFieldPath(['terms', 0, 'term'], named, networkOf)).toBe('terme 1');
    // Without a namer, as before.
    expect(issueFieldPath(['targets', 1, 'max'], named)).toBe('cibles › 2 › maximum');
  });

  it('starts a message in lower case after « : », names and acronyms kept', () => {
    expect(afterColon('Au moins 0.')).toBe('au moins 0.');
    expect(afterColon('Ce champ est obligatoire.')).toBe('ce champ est obligatoire.');
    expect(afterColon('LinkedIn refuse ce texte.')).toBe('LinkedIn refuse ce texte.');
    expect(afterColon('UTM invalide.')).toBe('UTM invalide.');
    expect(afterColon('X compte 280 caractères.')).toBe('X compte 280 caractères.');
  });
});
