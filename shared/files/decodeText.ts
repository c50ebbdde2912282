/**
 * A text file's bytes as text: UTF-8 (a BOM is dropped), read strictly, so a byte that is not
 * UTF-8 is never turned into « � » in silence. A file that is not UTF-8 is read as Windows-1252,
 * what Windows' Notepad and Excel write in Western Europe (« é » is the byte E9), and says so:
 * the caller tells the user to check the accents.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/**
 * Windows-1252's bytes 80–9F (the WHATWG Encoding Standard's table; 81, 8D, 8F, 90 and 9D stay
 * as they are). Written out because Node 20's TextDecoder reads 'windows-1252' as Latin-1 there
 * (« — » would come out as U+0097), while browsers follow the standard: one result in both.
 */
const C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? C1.charAt(byte - 0x80) : String.fromCharCode(byte);
  return text;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}
