import { z } from 'zod';

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

function inlineText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

function blockLines(node: DocNode, listPrefix = ''): string[] {
  switch (node.type) {
    case 'doc':
      return (node.content ?? []).flatMap((child) => blockLines(child));
    case 'bulletList':
      return (node.content ?? []).flatMap((item) => listItemLines(item, '• '));
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      return (node.content ?? []).flatMap((item, i) => listItemLines(item, `${start + i}. `));
    }
    case 'blockquote':
      return (node.content ?? []).flatMap((child) => blockLines(child)).map((line) => `> ${line}`);
    case 'horizontalRule':
      return ['—'];
    default:
      return [listPrefix + inlineText(node)];
  }
}

function listItemLines(item: DocNode, prefix: string): string[] {
  const lines = (item.content ?? []).flatMap((child) => blockLines(child));
  return lines.map((line, i) => (i === 0 ? prefix + line : '  ' + line));
}

/**
 * The text a network receives: one line per block, lists as "• " / "1. ", marks dropped
 * (networks take plain text). Derived, never edited directly.
 */
export function plainTextOf(doc: DocNode): string {
  return blockLines(doc).join('\n').replace(/\s+$/u, '');
}
