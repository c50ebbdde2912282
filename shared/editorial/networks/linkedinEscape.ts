/**
 * LinkedIn's "little text format" reserves these characters; an unescaped one silently cuts
 * the post at that point. Each must be sent as backslash + character.
 */
export const LINKEDIN_RESERVED = ['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~'] as const;

const RESERVED = /[\\|{}@[\]()<>#*_~]/gu;

export function escapeLinkedInText(text: string): string {
  return text.replace(RESERVED, (c) => `\\${c}`);
}

/** How many characters escaping adds. */
export function linkedInEscapeOverhead(text: string): number {
  return text.match(RESERVED)?.length ?? 0;
}

export const isLinkedInReserved = (char: string): boolean => (LINKEDIN_RESERVED as readonly string[]).includes(char);
