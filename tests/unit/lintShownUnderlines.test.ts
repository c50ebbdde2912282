import { beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { EditorialLine, resolveLine } from '../../shared/editorial/index';
import type { DocNode } from '../../shared/posts/document';
import { EDITOR_TIMING, editorialLintPlugin, lintStateOf, refreshTransaction, showingTransaction } from '../../renderer/src/editor/lint/lintPlugin';
import type { LintState } from '../../renderer/src/editor/lint/lintPlugin';
import { LintSession } from '../../renderer/src/editor/lint/lintSession';
import { DRAW_EVERY_UNDERLINE_UP_TO } from '../../renderer/src/editor/lint/shownUnderlines';
import type { UnderlineSpec } from '../../renderer/src/editor/lint/shownUnderlines';
import { loadPageLint } from '../../renderer/src/editor/lint/pageLint';

beforeAll(async () => {
  await loadPageLint();
});

const schema = getSchema([StarterKit]);
const line = resolveLine(
  EditorialLine.parse({
    id: 'firm',
    name: 'Cabinet Exemple',
    version: 1,
    rules: [
      { kind: 'bannedTerm', id: 'superlatives', terms: [{ term: 'meilleur', replacement: 'reconnu' }] },
      { kind: 'networkLimits', id: 'limits' },
    ],
  }),
);

/** A hundred paragraphs of ~145 characters, each with one banned word: ~14,500 characters, over X's limit. */
const PARAGRAPH = 'Le meilleur conseil du cabinet tient en une phrase claire, relue par l’associé, qui dit au client ce qu’il doit faire et quand il doit le faire.';
const longDoc = (count = 100): DocNode => ({ type: 'doc', content: Array.from({ length: count }, () => ({ type: 'paragraph', content: [{ type: 'text', text: PARAGRAPH }] })) });

function editorState(json: DocNode): EditorState {
  const session = new LintSession();
  session.setInputs(line, { networks: ['x'] });
  return EditorState.create({ schema, doc: PmNode.fromJSON(schema, json), plugins: [editorialLintPlugin(session, EDITOR_TIMING)] });
}

function lintOf(state: EditorState): LintState {
  const value = lintStateOf(state);
  if (!value) throw new Error('the lint plugin has no state');
  return value;
}

const spansOf = (decorations: Decoration[]) => decorations.filter((decoration) => (decoration.spec as UnderlineSpec).block !== true);
const blocksOf = (decorations: Decoration[]) => decorations.filter((decoration) => (decoration.spec as UnderlineSpec).block === true);
/** The start of the `index`th paragraph (all are the same size). */
const paragraphAt = (state: EditorState, index: number) => index * (state.doc.child(0).nodeSize);

describe('a long post draws the underlines inside its text only near what the editor shows', () => {
  it('draws every underline until the view says what it shows, and in a post up to the threshold whatever it says', () => {
    const long = editorState(longDoc());
    expect(long.doc.content.size).toBeGreaterThan(DRAW_EVERY_UNDERLINE_UP_TO);
    expect(lintOf(long).shown).toBe(lintOf(long).decorations);

    const short = editorState(longDoc(5));
    expect(short.doc.content.size).toBeLessThan(DRAW_EVERY_UNDERLINE_UP_TO);
    const told = short.apply(showingTransaction(short, { from: 0, to: paragraphAt(short, 1) }));
    expect(lintOf(told).shown.find()).toEqual(lintOf(told).decorations.find());
  });

  it('draws the spans within the range shown and every whole-paragraph underline; the findings stay whole', () => {
    const state = editorState(longDoc());
    const all = lintOf(state).decorations.find();
    // A hundred banned words, and the text past X's limit from where it falls to the end of its paragraph.
    expect(spansOf(all)).toHaveLength(101);
    const range = { from: paragraphAt(state, 40), to: paragraphAt(state, 45) };
    const told = state.apply(showingTransaction(state, range));
    const shown = lintOf(told).shown.find();
    // The five banned words of paragraphs 40 to 44, and only them.
    expect(spansOf(shown).map((decoration) => told.doc.textBetween(decoration.from, decoration.to))).toEqual(Array<string>(5).fill('meilleur'));
    expect(spansOf(shown).every((decoration) => decoration.from >= range.from && decoration.to <= range.to)).toBe(true);
    // Past X's 280 characters, every paragraph after the first is underlined whole: all drawn.
    expect(blocksOf(shown)).toEqual(blocksOf(all));
    expect(blocksOf(shown).length).toBeGreaterThan(90);
    expect(lintOf(told).decorations.find()).toEqual(all);
    expect(lintOf(told).result).toBe(lintOf(state).result);
    expect(lintOf(told).stale).toBe(false);
  });

  it('moves the range and what is drawn through typing; the next lint draws its findings within the same range', () => {
    const state = editorState(longDoc());
    const told = state.apply(showingTransaction(state, { from: paragraphAt(state, 40), to: paragraphAt(state, 45) }));
    const typed = told.apply(told.tr.insertText('Bref, le meilleur. ', paragraphAt(told, 42) + 1));
    expect(lintOf(typed).stale).toBe(true);
    expect(lintOf(typed).around).toEqual({ from: paragraphAt(state, 40), to: paragraphAt(state, 45) + 'Bref, le meilleur. '.length });
    const linted = typed.apply(refreshTransaction(typed));
    expect(lintOf(linted).stale).toBe(false);
    // The typed banned word is drawn at once: it lies inside the range shown.
    expect(spansOf(lintOf(linted).shown.find()).map((decoration) => linted.doc.textBetween(decoration.from, decoration.to))).toEqual(Array<string>(6).fill('meilleur'));
    expect(spansOf(lintOf(linted).decorations.find())).toHaveLength(102);
  });

  it('keeps the same drawn set when a new range draws the same underlines, so the view redraws nothing', () => {
    const state = editorState(longDoc());
    const range = { from: paragraphAt(state, 40) + 20, to: paragraphAt(state, 45) };
    const told = state.apply(showingTransaction(state, range));
    const again = told.apply(showingTransaction(told, { from: range.from + 1, to: range.to }));
    expect(lintOf(again).shown).toBe(lintOf(told).shown);
  });
});
