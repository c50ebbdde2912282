import { useQueryClient } from '@tanstack/react-query';
import type { Partner } from '../../../shared/partners/schema';
import { api } from '../api';
import { keys, partnersQuery, postLists } from '../app/queries';
import { newPostFocus, partnerContext } from '../app/partnerContext';

export type NewPostOutcome = { kind: 'created'; postId: string } | { kind: 'choosePartner' } | { kind: 'noPartner' };

/**
 * The partner a new post starts on: the one asked for (a filter, a lane), else the one in
 * context, else the only partner; with several and no context, nobody — the user chooses.
 */
export function partnerForNewPost(partners: readonly Partner[], asked: string | null): string | null {
  const active = new Set(partners.map((p) => p.id));
  for (const candidate of [asked, partnerContext.get()]) if (candidate !== null && active.has(candidate)) return candidate;
  const [only, ...others] = partners;
  return only !== undefined && others.length === 0 ? only.id : null;
}

/** Creates a post for the partner in context (the partner's default networks come from core); its editor opens with the caret in the title. */
export function useNewPost(): (asked: string | null) => Promise<NewPostOutcome> {
  const queryClient = useQueryClient();
  return async (asked) => {
    // The list as it now is: the shortcut may come before it has loaded, or while it is being read
    // again (the example workspace just loaded: the cached list is still the empty one, and the
    // user was told to add a partner first). An in-flight read is awaited, not repeated.
    const partners = await queryClient.query(partnersQuery(false));
    if (partners.length === 0) return { kind: 'noPartner' };
    const partnerId = partnerForNewPost(partners, asked);
    if (partnerId === null) return { kind: 'choosePartner' };
    const created = await api.call('posts.create', { partnerId });
    partnerContext.set(partnerId);
    newPostFocus.mark(created.id);
    // The new post enters the loaded list at its place, without every loaded page read again.
    await Promise.all([postLists.now(queryClient, [created.id]), queryClient.invalidateQueries({ queryKey: keys.calendar })]);
    return { kind: 'created', postId: created.id };
  };
}
