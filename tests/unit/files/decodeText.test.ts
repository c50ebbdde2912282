import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/files/decodeText';

describe('a text file’s bytes read as text, never with « � » in silence', () => {
  it('reads UTF-8, dropping its BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFLigne éditoriale modifiée'))).toEqual({ text: 'Ligne éditoriale modifiée', encoding: 'utf-8' });
  });

  it('reads a Windows-1252 file (Notepad, older Excel) as Windows-1252 and says so: « é » is E9, « — » is 97, « ’ » is 92', () => {
    const bytes = Uint8Array.from([0x4c, 0x69, 0x67, 0x6e, 0x65, 0x20, 0xe9, 0x64, 0x69, 0x74, 0x20, 0x97, 0x20, 0x6c, 0x92, 0xe9, 0x74, 0xe9]);
    expect(decodeText(bytes)).toEqual({ text: 'Ligne édit — l’été', encoding: 'windows-1252' });
  });
});
