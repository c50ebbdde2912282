import { describe, expect, it } from 'vitest';
import { SnippetSession } from '../../../renderer/src/snippets/snippetSession';
import type { Snippet } from '../../../shared/snippets/schema';

const signature: Snippet = { id: 'sig', partnerId: null, kind: 'signature', name: 'Signature', text: 'Claire Dupont', shortcut: '2', createdAt: 0, updatedAt: 0 };

describe('a lock-only snippet session (a network’s own version)', () => {
  it('keeps the line’s locked snippets locked', () => {
    const session = new SnippetSession('lockOnly');
    expect(session.stillLocked('barreau')).toBe(true);
    session.setSnippets([], new Map([['barreau', 'Avocate au barreau de Paris']]), true);
    expect(session.stillLocked('barreau')).toBe(true);
    expect(session.stillLocked('other')).toBe(false);
  });

  it('opens no picker and answers no shortcut, where the full session does', () => {
    const lockOnly = new SnippetSession('lockOnly');
    const full = new SnippetSession();
    for (const session of [lockOnly, full]) session.setSnippets([signature], new Map(), true);
    expect(lockOnly.openPicker()).toBe(false);
    expect(lockOnly.getSnapshot().pickerOpen).toBe(false);
    expect(lockOnly.byShortcut('2')).toBeUndefined();
    expect(full.byShortcut('2')).toBe(signature);
  });
});
