import { escapeLittleText, littleEscapes, littleReservedCharacters } from '../../publishing/linkedinText';

/**
 * LinkedIn's "little text format" reserves these characters; an unescaped one silently cuts
 * the post at that point. The escaping itself is the connector's (shared/publishing/linkedinText.ts):
 * the counter uses the same function, so hashtags kept as hashtags cost nothing here either.
 */
export const LINKEDIN_RESERVED = littleReservedCharacters;

/** The commentary exactly as the LinkedIn connector sends it (no mentions). */
export const escapeLinkedInText = (text: string): string => escapeLittleText(text);

/** The offsets escaping puts a backslash before; each adds one character. */
export const linkedInEscapedOffsets = (text: string): number[] => littleEscapes(text);
