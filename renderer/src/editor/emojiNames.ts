/** One emoji of a CLDR data set (emojibase-data's compact form: the character and its short name). */
export interface NamedEmoji {
  unicode: string;
  label: string;
}

/** Without its variation selectors: « ⚖️ » as typed and « ⚖ » as some data sets write it are one emoji. */
const bare = (emoji: string): string => emoji.replace(/\uFE0F/gu, '');

/** The short names of `wanted` in `data` (« pouce vers le haut », « drapeau : France »), keyed by the emoji as given. */
export function namesOf(data: readonly NamedEmoji[], wanted: readonly string[]): Map<string, string> {
  const byBare = new Map(wanted.map((emoji) => [bare(emoji), emoji]));
  const names = new Map<string, string>();
  for (const entry of data) {
    const emoji = byBare.get(bare(entry.unicode));
    if (emoji !== undefined && !names.has(emoji)) names.set(emoji, entry.label);
  }
  return names;
}

/**
 * The CLDR short names of `wanted` in the UI's language, from emojibase-data (Unicode's CLDR
 * annotations). Loaded when the picker first opens: each language's file (~600 kB) is a chunk
 * of its own, never in the first bundle.
 */
export async function loadEmojiNames(language: 'fr' | 'en', wanted: readonly string[]): Promise<Map<string, string>> {
  const data = language === 'en' ? (await import('emojibase-data/en/compact.json')).default : (await import('emojibase-data/fr/compact.json')).default;
  return namesOf(data, wanted);
}
