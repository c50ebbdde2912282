import { z } from 'zod';
import { SNIPPET_NODE } from '../snippets/schema';

/** A TipTap/ProseMirror JSON node, validated structurally (the editor schema does the rest). */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: DocNode[] | undefined;
  marks?: { type: string; attrs?: Record<string, unknown> | undefined }[] | undefined;
  text?: string | undefined;
}

export const DocNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DocNodeSchema).max(20_000).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() }))
      .max(32)
      .optional(),
    text: z.string().max(100_000).optional(),
  }),
);

export const TipTapDoc = DocNodeSchema.refine((node) => node.type === 'doc', { message: 'errors.document' });

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** Builds a document from plain paragraphs (example data, tests, imports). */
export function docFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: 'doc',
    content: paragraphs.map((text) =>
      text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] },
    ),
  };
}

/**
 * The text a network receives, with where each character came from: `positions[i]` is the
 * ProseMirror position of character i (computed from the JSON alone: a non-leaf node opens
 * and closes with one position each, text counts its UTF-16 units, a leaf counts one, and
 * every character of a snippet node maps to the node's one position), or -1
 * for characters the text adds (line breaks between blocks, list bullets and numbers).
 * Editor decorations use it to put a finding's range back on the document.
 */
export interface PlainTextMap {
  text: string;
  positions: number[];
}

export function plainTextMap(doc: DocNode): PlainTextMap {
  // Whole strings, joined once: one array entry per character made a long post's map cost
  // ~10 ms, paid on every lint pass while typing.
  const parts: string[] = [];
  const positions: number[] = [];
  const push = (text: string, from: number) => {
    parts.push(text);
    for (let i = 0; i < text.length; i++) positions.push(from < 0 ? -1 : from + i);
  };
  let first = true;
  const startLine = (prefix: string) => {
    if (!first) push('\n', -1);
    first = false;
    push(prefix, -1);
  };

  // `pos` is the position of the node's start (before its opening token).
  const inline = (node: DocNode, pos: number): number => {
    if (node.type === 'text') {
      const text = node.text ?? '';
      push(text, pos);
      return pos + text.length;
    }
    if (node.type === 'hardBreak') {
      push('\n', -1);
      return pos + 1;
    }
    // A snippet node (a locked disclosure) is one position in the document and its whole text on the network.
    if (node.type === SNIPPET_NODE) {
      const text = typeof node.attrs?.text === 'string' ? node.attrs.text : '';
      parts.push(text);
      for (let i = 0; i < text.length; i++) positions.push(pos);
      return pos + 1;
    }
    if (!node.content) return pos + 1;
    let inner = pos + 1;
    for (const child of node.content) inner = inline(child, inner);
    return inner + 1;
  };

  const block = (node: DocNode, pos: number, prefix: string): number => {
    switch (node.type) {
      case 'bulletList':
      case 'orderedList': {
        const start = node.type === 'orderedList' && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        let inner = pos + 1;
        (node.content ?? []).forEach((item, i) => {
          inner = listItem(item, inner, `${prefix}${node.type === 'bulletList' ? '• ' : `${start + i}. `}`);
        });
        return inner + 1;
      }
      case 'blockquote': {
        let inner = pos + 1;
        for (const child of node.content ?? []) inner = block(child, inner, `${prefix}> `);
        return inner + 1;
      }
      case 'horizontalRule':
        startLine(`${prefix}—`);
        return pos + 1;
      default: {
        startLine(prefix);
        if (!node.content) return pos + (node.type === 'paragraph' ? 2 : 1);
        let inner = pos + 1;
        for (const child of node.content) inner = inline(child, inner);
        return inner + 1;
      }
    }
  };

  const listItem = (item: DocNode, pos: number, prefix: string): number => {
    let inner = pos + 1;
    (item.content ?? []).forEach((child, i) => {
      inner = block(child, inner, i === 0 ? prefix : '  ');
    });
    return inner + 1;
  };

  let pos = 0;
  for (const child of doc.content ?? []) pos = block(child, pos, '');
  // Trailing white space is not sent (see plainTextOf).
  const text = parts.join('');
  let end = text.length;
  while (end > 0 && /\s/u.test(text.charAt(end - 1))) end--;
  return { text: text.slice(0, end), positions: end === positions.length ? positions : positions.slice(0, end) };
}

/**
 * The text a network receives: one line per block, lists as "• " / "1. ", marks dropped
 * (networks take plain text). Derived, never edited directly.
 */
export function plainTextOf(doc: DocNode): string {
  return plainTextMap(doc).text;
}
