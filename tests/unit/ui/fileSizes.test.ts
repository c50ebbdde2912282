import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../../renderer/src/ui/fileSize';

/** ICU versions put a no-break space or a narrow one before the unit: either is right. */
const size = (bytes: number, locale: string) => formatFileSize(bytes, locale).replace(/[\u00a0\u202f]/g, ' ');

describe('file sizes as the UI writes them', () => {
  it('writes kilooctets « ko » in French and kB in English, never « Ko »', () => {
    expect(size(512 * 1024, 'fr-FR')).toBe('512 ko');
    expect(size(512 * 1024, 'en-GB')).toBe('512 kB');
  });

  it('takes the unit that keeps the number short: a 1.3 GB backup is « 1,3 Go »', () => {
    expect(size(1.3 * 1024 ** 3, 'fr-FR')).toBe('1,3 Go');
    expect(size(25 * 1024 ** 2, 'fr-FR')).toBe('25 Mo');
    expect(size(1.25 * 1024 ** 2, 'en-GB')).toBe('1.3 MB');
  });

  it('shows a file of a few bytes as 1 ko rather than 0', () => {
    expect(size(12, 'fr-FR')).toBe('1 ko');
  });
});
