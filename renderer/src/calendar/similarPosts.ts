import { createContext, useContext } from 'react';

/** Posts the near-duplicate guard pairs with another partner's post: their chips carry a marker. */
export const SimilarPosts = createContext<ReadonlySet<string>>(new Set());

export const useIsSimilar = (postId: string): boolean => useContext(SimilarPosts).has(postId);
