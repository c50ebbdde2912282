import { numberingPattern } from './split';

/**
 * Whether the parts no longer hold the text they were cut from (the body was edited since):
 * compared word for word without the « 1/3 » numbering, so edits of spacing inside a part do not count.
 */
export function threadIsStale(parts: readonly string[], text: string): boolean {
  const words = (value: string) => value.split(/\s+/u).filter((word) => word.length > 0);
  const fromParts = parts.flatMap((part) => words(part.replace(numberingPattern, '')));
  const fromText = words(text);
  return fromParts.length !== fromText.length || fromParts.some((word, index) => word !== fromText[index]);
}
