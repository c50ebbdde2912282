import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvText, defaultDelimiter } from '../../../electron/core/reports/render/csv';

describe('CSV fields (RFC 4180)', () => {
  it('quotes a field holding the delimiter, a quote, CR or LF, and doubles inner quotes', () => {
    expect(csvField('simple', ';')).toBe('simple');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('il a dit "oui"', ';')).toBe('"il a dit ""oui"""');
    expect(csvField('ligne 1\r\nligne 2', ',')).toBe('"ligne 1\r\nligne 2"');
    expect(csvField('x\ny', ',')).toBe('"x\ny"');
  });

  it('uses ; for French readers (Excel’s list separator there) and , for English ones', () => {
    expect(defaultDelimiter('fr')).toBe(';');
    expect(defaultDelimiter('en')).toBe(',');
    expect(BOM).toBe('\uFEFF');
  });

  it('keeps a title from becoming a spreadsheet formula', () => {
    expect(csvText('=HYPERLINK("http://evil","clic")')).toBe('\'=HYPERLINK("http://evil","clic")');
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('Réforme = progrès')).toBe('Réforme = progrès');
    expect(csvText(null)).toBe('');
  });
});
