import { describe, expect, it } from 'vitest';
import en from 'emojibase-data/en/compact.json';
import fr from 'emojibase-data/fr/compact.json';
import { EMOJI } from '../../../renderer/src/editor/EmojiPicker';
import { namesOf } from '../../../renderer/src/editor/emojiNames';

describe('the emoji picker’s names', () => {
  it('names every emoji of the picker in French and in English (CLDR short names)', () => {
    const french = namesOf(fr, EMOJI);
    const english = namesOf(en, EMOJI);
    for (const emoji of EMOJI) {
      expect(french.get(emoji), emoji).toBeTruthy();
      expect(english.get(emoji), emoji).toBeTruthy();
    }
    expect(french.get('👍')).toBe('pouce vers le haut');
    expect(french.get('🇫🇷')).toBe('drapeau\u202f: France');
    expect(english.get('👍')).toBe('thumbs up');
  });

  it('finds an emoji typed with or without its variation selector', () => {
    const data = [{ unicode: '⚖️', label: 'balance à poids' }];
    expect(namesOf(data, ['⚖']).get('⚖')).toBe('balance à poids');
    expect(namesOf([{ unicode: '⚖', label: 'balance à poids' }], ['⚖️']).get('⚖️')).toBe('balance à poids');
    expect(namesOf(data, ['👍']).size).toBe(0);
  });
});
