import { describe, expect, it } from 'vitest';
import { reportFormat } from '../../../shared/reports/format';
import { HOUR, at } from './entries';

describe('report formatting', () => {
  const fr = reportFormat('fr', 'Europe/Paris');
  const en = reportFormat('en', 'Europe/London');

  it('writes durations in minutes, hours or days, in the reader’s language', () => {
    expect(fr.duration(45 * 60_000)).toBe('45\u00a0min');
    expect(fr.duration(25.2 * HOUR)).toBe('25,2\u00a0h');
    expect(en.duration(25.2 * HOUR)).toBe('25.2\u00a0h');
    expect(fr.duration(60 * HOUR)).toBe('2,5\u00a0j');
    expect(en.duration(60 * HOUR)).toBe('2.5\u00a0d');
    expect(fr.duration(null)).toBe('—');
  });

  it('writes rates, months and instants in the report’s zone', () => {
    expect(fr.percent(0.6)).toMatch(/^60\s%$/); // ICU's no-break space, narrow or not
    expect(en.percent(0.6)).toBe('60%');
    expect(fr.month('2026-10')).toBe('Octobre 2026');
    expect(fr.month('2026-09', true)).toBe('septembre 2026');
    expect(en.month('2026-10')).toBe('October 2026');
    // 22:30 UTC on 31 Oct: 23:30 in Paris (UTC+1), 22:30 in London (UTC+0).
    expect(fr.dateTime(at('2026-10-31T22:30:00Z'))).toBe('31 oct. 2026, 23:30');
    expect(en.dateTime(at('2026-10-31T22:30:00Z'))).toBe('31 Oct 2026, 22:30');
  });

  it('writes changes by the kind of figure', () => {
    expect(fr.change('count', 5, 2)).toBe('+3');
    expect(fr.change('count', 2, 5)).toBe('\u22123');
    expect(fr.change('count', 2, 2)).toBe('=');
    expect(fr.change('rate', 0.6, 0.75)).toBe('\u221215\u00a0pts');
    expect(en.change('duration', 8 * HOUR, 10 * HOUR)).toBe('\u22122\u00a0h');
    expect(en.change('count', 3, null)).toBe('—');
  });
});
