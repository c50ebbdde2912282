import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { cachedText } from '../../../renderer/src/i18n/cachedText';
import { initUiTranslations } from '../../support/uiTranslations';

beforeAll(initUiTranslations);

describe('remembered translations (calendar chips)', () => {
  it('gives what i18next gives, for plain texts, interpolations and plurals, asked once or many times', async () => {
    await i18next.changeLanguage('fr');
    const asks: [string, Record<string, string | number>?][] = [
      ['calendarUi.draggable'],
      ['calendarUi.partnerTime', { time: '09:00', zone: 'heure de Montréal' }],
      ['calendarUi.partnerTime', { time: '15:00', zone: 'heure de Montréal' }],
      ['calendarUi.moreShort', { count: 1 }],
      ['calendarUi.moreShort', { count: 4 }],
      ['calendarUi.moreInCell', { count: 3, when: 'lundi 8 juin 2026 09:00' }],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [key, values] of asks) expect(cachedText(key, values)).toBe(values ? i18next.t(key, values) : i18next.t(key));
    }
    // Different values are different texts, not the first one remembered.
    expect(cachedText('calendarUi.partnerTime', { time: '09:00', zone: 'heure de Montréal' })).not.toBe(cachedText('calendarUi.partnerTime', { time: '15:00', zone: 'heure de Montréal' }));
  });

  it('speaks the new language at once after a change, nothing remembered from the old one', async () => {
    await i18next.changeLanguage('fr');
    const french = cachedText('calendarUi.views.week');
    await i18next.changeLanguage('en');
    expect(cachedText('calendarUi.views.week')).toBe('Week');
    expect(cachedText('calendarUi.views.week')).not.toBe(french);
    await i18next.changeLanguage('fr');
    expect(cachedText('calendarUi.views.week')).toBe('Semaine');
  });
});
