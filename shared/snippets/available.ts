import type { Snippet } from './schema';

/**
 * The snippets offered while writing for a partner: the partner's first, then the firm's, each
 * by name. A partner's shortcut wins over the firm's with the same digit.
 */
export function availableSnippets(all: readonly Snippet[], partnerId: string | null): Snippet[] {
  const byName = (a: Snippet, b: Snippet) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
  const own = all.filter((s) => partnerId !== null && s.partnerId === partnerId).sort(byName);
  const firm = all.filter((s) => s.partnerId === null).sort(byName);
  const taken = new Set(own.flatMap((s) => (s.shortcut === null ? [] : [s.shortcut])));
  return [...own, ...firm.map((s) => (s.shortcut !== null && taken.has(s.shortcut) ? { ...s, shortcut: null } : s))];
}

/** Typing in the picker: every word typed appears in the name or the text, accents and case aside. */
export function matchesQuery(snippet: Pick<Snippet, 'name' | 'text'>, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const haystack = fold(`${snippet.name} ${snippet.text}`);
  return fold(query)
    .split(/\s+/u)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}
