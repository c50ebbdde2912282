import type { Network } from '../posts/networks';
import type { PreviewFold } from './schema';

export interface FoldRule {
  /** Characters (code points, line breaks aside) shown before the fold. */
  maxCharacters: number;
  /** Lines shown before the fold; a line break past them folds there. */
  maxLines: number;
}

export interface NetworkFolds {
  desktop: FoldRule;
  mobile: FoldRule;
  /** Where the figures come from. */
  source: string;
  /** False: no primary source; the figures are the widely observed ones. */
  verified: boolean;
}

/**
 * Where a feed cuts a post behind "…see more" ("…voir plus"). Neither LinkedIn nor Instagram
 * documents it; the figures are the ones observed and quoted by social-media guides
 * (LinkedIn: about 210 characters or 3 lines on desktop, about 140 on mobile; Instagram: 125
 * characters or 2 lines), and the real cut also depends on the font and the card's width. The
 * preview shows this rule, named as such: a guide for where the hook must end, not a promise.
 */
export const FOLD_RULES: Partial<Record<Network, NetworkFolds>> = {
  linkedin: {
    desktop: { maxCharacters: 210, maxLines: 3 },
    mobile: { maxCharacters: 140, maxLines: 3 },
    source: 'not documented by LinkedIn; the widely quoted feed figures (about 210 characters on desktop, 140 on mobile, at most 3 lines)',
    verified: false,
  },
  instagram: {
    desktop: { maxCharacters: 125, maxLines: 2 },
    mobile: { maxCharacters: 125, maxLines: 2 },
    source: 'not documented by Instagram; the widely quoted caption figure (125 characters, 2 lines)',
    verified: false,
  },
};

/** How far back a cut may move to fall between two words rather than inside one. */
const WORD_BACKTRACK = 30;

/**
 * The UTF-16 offset where the text folds under `rule`, or null when it all shows. The cut
 * comes at the line break that ends the last shown line, or at the last space before the
 * character limit (inside a word only when there is no space near enough); never inside a
 * surrogate pair.
 */
export function foldAt(text: string, rule: FoldRule): number | null {
  const visible = text.trimEnd();
  let characters = 0;
  let lines = 1;
  let lastSpace = -1;
  let offset = 0;
  for (const char of visible) {
    if (char === '\n') {
      if (lines === rule.maxLines) return cutAt(visible, offset);
      lines++;
    } else {
      if (characters === rule.maxCharacters) {
        const at = lastSpace !== -1 && offset - lastSpace <= WORD_BACKTRACK ? lastSpace : offset;
        return cutAt(visible, at);
      }
      characters++;
      if (/\s/u.test(char)) lastSpace = offset;
    }
    offset += char.length;
  }
  return null;
}

/** The cut, moved back over white space; null when nothing would be hidden. */
function cutAt(text: string, at: number): number | null {
  if (text.slice(at).trim() === '') return null;
  return text.slice(0, at).trimEnd().length;
}

export function foldsOf(network: Network, text: string): PreviewFold[] {
  const rules = FOLD_RULES[network];
  if (!rules) return [];
  return [
    { width: 'desktop', at: foldAt(text, rules.desktop) },
    { width: 'mobile', at: foldAt(text, rules.mobile) },
  ];
}
