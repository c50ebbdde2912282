import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/posts/canonicalJson';
import { docFromParagraphs, plainTextOf } from '../../shared/posts/document';
import type { DocNode } from '../../shared/posts/document';

describe('the plain text a network receives', () => {
  it('joins paragraphs with newlines and drops marks', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Bonjour ' }, { type: 'text', text: 'à tous', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'Ligne' }, { type: 'hardBreak' }, { type: 'text', text: 'suivante' }] },
      ],
    };
    expect(plainTextOf(doc)).toBe('Bonjour à tous\n\nLigne\nsuivante');
  });

  it('writes bullet and numbered lists as networks show them', () => {
    const item = (text: string): DocNode => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [item('un'), item('deux')] },
        { type: 'orderedList', attrs: { start: 3 }, content: [item('trois'), item('quatre')] },
      ],
    };
    expect(plainTextOf(doc)).toBe('• un\n• deux\n3. trois\n4. quatre');
  });

  it('keeps emoji, narrow no-break spaces and link text intact', () => {
    const doc = docFromParagraphs(['Merci\u202f! 👩🏽‍⚖️ https://example.org']);
    expect(plainTextOf(doc)).toBe('Merci\u202f! 👩🏽‍⚖️ https://example.org');
  });
});

describe('canonical JSON', () => {
  it('is the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('drops undefined properties like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
