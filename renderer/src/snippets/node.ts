import { Node } from '@tiptap/core';
import { SNIPPET_NODE } from '../../../shared/snippets/schema';

/**
 * The snippet node's place in the schema, without its DOM and keys (extension.ts adds those):
 * an inline atom, one position in the document, carrying the text it sends.
 */
export const SnippetNodeBase = Node.create({
  name: SNIPPET_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes: () => ({ snippetId: { default: '' }, text: { default: '' }, locked: { default: true } }),
});
