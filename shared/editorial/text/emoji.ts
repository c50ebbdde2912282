/**
 * One emoji as people see it: a flag (two regional indicators), a keycap, or a pictograph in
 * emoji presentation with its skin tone, tags (subdivision flags) and ZWJ-joined parts.
 * A text-presentation pictograph (©, ™, ↔ without U+FE0F) is not an emoji.
 */
const PICTOGRAPH = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}(?:\uFE0F|(?=\p{Emoji_Modifier}|\u200D)))`;
const PART = String.raw`${PICTOGRAPH}\p{Emoji_Modifier}?\uFE0F?`;
const EMOJI_SOURCE = String.raw`\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|${PART}(?:[\u{E0020}-\u{E007E}]+\u{E007F})?(?:\u200D(?:${PART}|\p{Extended_Pictographic}\uFE0F?))*`;

/** A fresh global regex each call site gets its own lastIndex: never share /g state. */
export const emojiPattern = (): RegExp => new RegExp(EMOJI_SOURCE, 'gu');

const EMOJI_CLUSTER = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u20E3/u;

/** Whether one grapheme cluster is an emoji (Threads counts those in UTF-8 bytes). */
export const isEmojiGrapheme = (grapheme: string): boolean => EMOJI_CLUSTER.test(grapheme);

export interface EmojiMatch {
  from: number;
  to: number;
}

export function findEmoji(text: string): EmojiMatch[] {
  return [...text.matchAll(emojiPattern())].map((m) => ({ from: m.index, to: m.index + m[0].length }));
}
