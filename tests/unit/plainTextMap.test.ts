import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Node as PmNode } from '@tiptap/pm/model';
import { plainTextMap, plainTextOf } from '../../shared/posts/document';
import type { DocNode } from '../../shared/posts/document';

/** The editor's real schema, so positions are checked against ProseMirror itself. */
const schema = getSchema([StarterKit]);

const docs: [string, DocNode][] = [
  ['paragraphs with marks and an empty line', {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Bonjour ' }, { type: 'text', text: 'à tous', marks: [{ type: 'bold' }] }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'Ligne' }, { type: 'hardBreak' }, { type: 'text', text: 'suivante 👩🏽‍⚖️' }] },
    ],
  }],
  ['lists', {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Points\u202f:' }] },
      { type: 'bulletList', content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'suite' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'deux' }] }] },
      ] },
      { type: 'orderedList', attrs: { start: 3 }, content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'trois', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] }] },
      ] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Fin.' }] },
    ],
  }],
];

describe('plain text with positions', () => {
  it.each(docs)('maps every character of %s back to the ProseMirror document', (_name, json) => {
    const doc = PmNode.fromJSON(schema, json);
    const { text, positions } = plainTextMap(json);
    expect(text).toBe(plainTextOf(json));
    expect(positions).toHaveLength(text.length);
    let real = 0;
    for (let i = 0; i < text.length; i++) {
      const pos = positions[i] ?? -1;
      if (pos < 0) continue;
      real++;
      expect(doc.textBetween(pos, pos + 1)).toBe(text.charAt(i));
    }
    expect(real).toBeGreaterThan(text.length / 2);
  });

  it('gives the expected text for lists', () => {
    expect(plainTextOf(docs[1]?.[1] ?? { type: 'doc' })).toBe('Points\u202f:\n• un\n  suite\n• deux\n3. trois\nFin.');
  });
});
