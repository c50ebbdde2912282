/**
 * The partner the user is working for: the last one picked in a partner filter, a calendar lane
 * or a post's partner field. A new post starts on it, never on whoever sorts first. Kept in
 * localStorage so it survives a restart; an unreadable store simply knows no one.
 */
const KEY = 'plume.partnerContext';

let current: string | null = null;
try {
  current = localStorage.getItem(KEY);
} catch {
  current = null;
}

export const partnerContext = {
  get: (): string | null => current,
  set(partnerId: string | null): void {
    if (partnerId === null || partnerId === '') return;
    current = partnerId;
    try {
      localStorage.setItem(KEY, partnerId);
    } catch {
      // Private mode or a full store: the context lasts as long as the page.
    }
  },
};

/** Posts just created here, whose editor puts the caret in the title when it opens. */
const focusTitle = new Set<string>();
export const newPostFocus = {
  mark: (postId: string): void => void focusTitle.add(postId),
  /** True once for a post just created: the editor then focuses its title. */
  take: (postId: string): boolean => focusTitle.delete(postId),
};
