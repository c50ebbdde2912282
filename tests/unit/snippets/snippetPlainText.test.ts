import { describe, expect, it } from 'vitest';
import { plainTextMap, plainTextOf } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { availableSnippets, matchesQuery } from '../../../shared/snippets/available';
import type { Snippet } from '../../../shared/snippets/schema';

const snippetNode: DocNode = { type: 'snippet', attrs: { snippetId: 'id-1', text: 'Avocate au barreau de Paris', locked: true } };
const doc: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Bonjour' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '— ' }, snippetNode] },
  ],
};

describe('a snippet node in the plain text', () => {
  it('is sent as its text, exactly', () => {
    expect(plainTextOf(doc)).toBe('Bonjour\n— Avocate au barreau de Paris');
    expect(finalTexts({ networks: ['linkedin', 'x'], plainText: plainTextOf(doc) })).toEqual({
      linkedin: 'Bonjour\n— Avocate au barreau de Paris',
      x: 'Bonjour\n— Avocate au barreau de Paris',
    });
  });

  it('maps every character of its text to the node’s one document position, and text after it past the node', () => {
    const withTail: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [snippetNode, { type: 'text', text: ' !' }] }] };
    const map = plainTextMap(withTail);
    expect(map.text).toBe('Avocate au barreau de Paris !');
    // The paragraph opens at 0, the node is at 1, the text after it starts at 2.
    expect(new Set(map.positions.slice(0, 27))).toEqual(new Set([1]));
    expect(map.positions.slice(27)).toEqual([2, 3]);
  });

  it('without a text attribute sends nothing rather than failing', () => {
    expect(plainTextOf({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'snippet' }] }] })).toBe('');
  });
});

const snippet = (id: string, partnerId: string | null, name: string, shortcut: string | null): Snippet => ({
  id,
  partnerId,
  kind: 'phrase',
  name,
  text: `${name} texte`,
  shortcut,
  createdAt: 0,
  updatedAt: 0,
});

describe('the snippets offered in the editor', () => {
  it('lists the partner’s first then the firm’s, and the partner’s shortcut wins', () => {
    const list = availableSnippets([snippet('a', null, 'Alpha', '1'), snippet('b', 'p', 'Zeta', '1'), snippet('c', 'q', 'Autre', null)], 'p');
    expect(list.map((s) => [s.name, s.shortcut])).toEqual([
      ['Zeta', '1'],
      ['Alpha', null],
    ]);
  });

  it('filters by every word typed, ignoring case and accents', () => {
    expect(matchesQuery({ name: 'Mention déontologique', text: 'Avocate au barreau' }, 'DEONTO barr')).toBe(true);
    expect(matchesQuery({ name: 'Mention', text: 'Avocate' }, 'hashtag')).toBe(false);
  });
});
