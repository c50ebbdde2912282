import { ApiError } from '../../../shared/api/errors';
import { readFollowers, readTopPosts } from '../../../shared/engagement/linkedinExport';
import type { LinkedinExport } from '../../../shared/engagement/linkedinExport';
import { decodeText } from '../../../shared/files/decodeText';

const notAnExport = (why: string): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.validation', message: `Not a LinkedIn analytics export: ${why}`, issues: [{ path: ['data'], messageKey: 'engagement.errors.notLinkedinExport' }] });

/** An XLSX is a ZIP: it starts with "PK\x03\x04". */
const isZip = (bytes: Buffer): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The spreadsheet readers (~90 ms to import) are loaded when an export is first imported, not
 * when Plume starts.
 */
const spreadsheetReader = () => import('read-excel-file/node').then((module) => module.default);
const csvReader = () => import('papaparse').then((module) => module.default);

/**
 * The export's TOP POSTS (and FOLLOWERS) read from the XLSX LinkedIn gives, or from the TOP
 * POSTS sheet saved as CSV. Anything else is refused with words for the user.
 */
export async function readLinkedinExportFile(bytes: Buffer): Promise<LinkedinExport> {
  if (isZip(bytes)) {
    const readXlsxFile = await spreadsheetReader();
    let sheets: { sheet: string; data: unknown[][] }[];
    try {
      sheets = await readXlsxFile(bytes);
    } catch (error) {
      throw notAnExport(error instanceof Error ? error.message : String(error));
    }
    const top = sheets.find((sheet) => sheet.sheet.trim().toLowerCase() === 'top posts');
    const posts = top === undefined ? null : readTopPosts(top.data);
    if (posts === null) throw notAnExport('no TOP POSTS sheet with LinkedIn’s columns');
    const followers = sheets.find((sheet) => sheet.sheet.trim().toLowerCase() === 'followers');
    return { ...posts, followers: followers === undefined ? null : readFollowers(followers.data) };
  }
  const Papa = await csvReader();
  // UTF-8 (its BOM dropped), else Windows-1252 as an older Excel saves it: never « � ».
  const parsed = Papa.parse<string[]>(decodeText(bytes).text, { skipEmptyLines: false });
  const posts = readTopPosts(parsed.data);
  if (posts === null) throw notAnExport('no "Post URL" header in the CSV');
  return { ...posts, followers: null };
}
