import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { MAX_LINE_FILE_BYTES, MAX_LINKEDIN_EXPORT_BYTES, MAX_REQUEST_BYTES, base64Length, requestBytes } from '../../../shared/api/requestSize';
import { MAX_UPLOAD_BYTES } from '../../../shared/publishing/publication';

const base64Of = (bytes: number) => 'A'.repeat(base64Length(bytes));

/**
 * Every file a procedure accepts fits in one call of browser mode (the server reads at most
 * MAX_REQUEST_BYTES), so a file the schema takes is never refused by the transport instead.
 */
describe('the files procedures take fit in one request', () => {
  it('the largest image, LinkedIn export and editorial line each schema accepts travel in one request', () => {
    const largest = [
      { name: 'publishing.attachMedia', input: { postId: '00000000-0000-4000-8000-000000000000', data: base64Of(MAX_UPLOAD_BYTES), mimeType: 'image/png', alt: 'é'.repeat(2000) } },
      { name: 'engagement.importLinkedin', input: { partnerId: 'p'.repeat(40), fileName: 'é'.repeat(300), data: base64Of(MAX_LINKEDIN_EXPORT_BYTES), dateOrder: 'dayFirst' } },
      // Quotes are what JSON doubles: the worst a valid line file can be.
      { name: 'editorial.import', input: { partnerId: null, baseVersion: 1, json: '"'.repeat(MAX_LINE_FILE_BYTES) } },
    ] as const;
    for (const { name, input } of largest) {
      expect(contract[name].input.safeParse(input).success, name).toBe(true);
      expect(requestBytes(input), name).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    }
  });

  it('a file one byte over its limit is refused by the schema, with the key for « file too large »', () => {
    const over = contract['editorial.import'].input.safeParse({ partnerId: null, baseVersion: 1, json: ' '.repeat(MAX_LINE_FILE_BYTES + 1) });
    expect(over.success ? [] : over.error.issues.map((issue) => issue.message)).toEqual(['errors.fileTooLargeShort']);
    const linkedin = contract['engagement.importLinkedin'].input.safeParse({ partnerId: 'p', fileName: 'a.csv', data: base64Of(MAX_LINKEDIN_EXPORT_BYTES + 3) });
    expect(linkedin.success ? [] : linkedin.error.issues.map((issue) => issue.message)).toEqual(['errors.fileTooLargeShort']);
  });
});
