import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { plainTextMap } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import { SnippetNodeBase } from '../../../renderer/src/snippets/node';
import { appendSnippet } from '../../../renderer/src/snippets/insert';
import { lockedSnippetGuard, lockedSnippetNextTo } from '../../../renderer/src/snippets/lockGuard';
import { docSpans } from '../../../renderer/src/editor/lint/textPositions';

/** The editor's schema with the snippet node (its DOM parts aside), so positions and edits are ProseMirror's own. */
const schema = getSchema([StarterKit, SnippetNodeBase]);
const ID = 'barreau';
const json: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Bonjour' }] },
    { type: 'paragraph', content: [{ type: 'snippet', attrs: { snippetId: ID, text: 'Avocate au barreau de Paris', locked: true } }] },
  ],
};

function stateWith(stillLocked: (id: string) => boolean = () => true) {
  const refusals: number[] = [];
  const state = EditorState.create({ doc: PmNode.fromJSON(schema, json), plugins: [lockedSnippetGuard(stillLocked, () => refusals.push(1))] });
  return { state, refusals };
}

const snippetPos = 10; // paragraph "Bonjour" is 0..9, the second paragraph opens at 9, the node sits at 10

describe('a locked snippet in the editor', () => {
  it('is one position in the document, and the plain text maps its characters there', () => {
    const doc = PmNode.fromJSON(schema, json);
    expect(doc.nodeAt(snippetPos)?.type.name).toBe('snippet');
    const map = plainTextMap(json);
    expect(map.text).toBe('Bonjour\nAvocate au barreau de Paris');
    expect(new Set(map.positions.slice('Bonjour\n'.length))).toEqual(new Set([snippetPos]));
  });

  it('is underlined as one span when a finding covers its text', () => {
    const map = plainTextMap(json);
    expect(docSpans(map, { from: 'Bonjour\n'.length, to: map.text.length })).toEqual([{ from: snippetPos, to: snippetPos + 1 }]);
    expect(docSpans(map, { from: 3, to: map.text.length })).toEqual([
      { from: 4, to: 8 },
      { from: snippetPos, to: snippetPos + 1 },
    ]);
  });

  it('cannot be deleted, nor replaced with the text around it, and each refusal is told', () => {
    const { state, refusals } = stateWith();
    expect(state.applyTransaction(state.tr.delete(snippetPos, snippetPos + 1)).state.doc.eq(state.doc)).toBe(true);
    expect(state.applyTransaction(state.tr.insertText('x', 3, snippetPos + 1)).state.doc.eq(state.doc)).toBe(true);
    expect(state.applyTransaction(state.tr.setNodeMarkup(snippetPos, undefined, { snippetId: ID, text: 'Autre', locked: true })).state.doc.eq(state.doc)).toBe(true);
    expect(refusals).toHaveLength(3);
  });

  it('lets the text around it be edited, and a stored text be loaded over it', () => {
    const { state, refusals } = stateWith();
    const edited = state.applyTransaction(state.tr.insertText('Salut', 1, 8)).state.doc;
    expect(edited.firstChild?.textContent).toBe('Salut');
    expect(edited.nodeAt(edited.content.size - 2)?.type.name).toBe('snippet');
    const loaded = state.tr.replaceWith(0, state.doc.content.size, schema.nodes.paragraph?.create() ?? []).setMeta('preventUpdate', true);
    expect(state.applyTransaction(loaded).state.doc.childCount).toBe(1);
    expect(refusals).toEqual([]);
  });

  it('is freed when the line no longer locks it', () => {
    const { state, refusals } = stateWith((id) => id !== ID);
    expect(state.applyTransaction(state.tr.delete(snippetPos, snippetPos + 1)).state.doc.childCount).toBe(2);
    expect(refusals).toEqual([]);
  });

  it('is seen right before the caret, where Backspace would remove it', () => {
    const { state } = stateWith();
    const after = state.apply(state.tr.setSelection(TextSelection.create(state.doc, snippetPos + 1)));
    expect(lockedSnippetNextTo(after, 'before', () => true)).toBe(true);
    expect(lockedSnippetNextTo(after, 'after', () => true)).toBe(false);
  });

  it('is appended by the quick fix on its own line, filling a trailing empty paragraph', () => {
    const state = EditorState.create({ doc: PmNode.fromJSON(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texte' }] }, { type: 'paragraph' }] }) });
    const tr = state.tr;
    appendSnippet(tr, { id: ID, text: 'Avocate au barreau de Paris', locked: true });
    expect(tr.doc.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Texte' }] },
        { type: 'paragraph', content: [{ type: 'snippet', attrs: { snippetId: ID, text: 'Avocate au barreau de Paris', locked: true } }] },
      ],
    });
  });
});
