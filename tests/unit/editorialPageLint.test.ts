import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { EditorialLine, lint, resolveLine } from '../../shared/editorial/index';
import { plainTextMap } from '../../shared/posts/document';
import type { DocNode } from '../../shared/posts/document';
import { EDITOR_TIMING, editorialLintPlugin, lintStateOf, lintedElsewhereTransaction, refreshTransaction } from '../../renderer/src/editor/lint/lintPlugin';
import { LintSession } from '../../renderer/src/editor/lint/lintSession';
import { loadPageLint, pageLint } from '../../renderer/src/editor/lint/pageLint';

/**
 * The page's own linter (and its libraries) is loaded on demand (issue 15): until then, the
 * editor marks its lint as due and takes the worker's; once loaded, it lints in the page.
 */
const line = resolveLine(EditorialLine.parse({ id: 'firm', name: 'Cabinet', version: 1, rules: [{ kind: 'bannedTerm', id: 'sup', terms: [{ term: 'meilleur' }] }] }));
const context = { networks: [] };
const schema = getSchema([StarterKit]);
const docJson: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le meilleur cabinet.' }] }] };

describe("the page's linter is loaded on demand", () => {
  it('opens an editor without it: the lint is due, and the worker’s lint fills it', () => {
    expect(pageLint()).toBeNull();
    const session = new LintSession();
    session.setInputs(line, context);
    const state = EditorState.create({ schema, doc: PmNode.fromJSON(schema, docJson), plugins: [editorialLintPlugin(session, EDITOR_TIMING)] });
    expect(lintStateOf(state)).toMatchObject({ stale: true, result: null });
    // A refresh (the line changed) cannot lint in the page either: still due, nothing lost.
    const refreshed = state.apply(refreshTransaction(state));
    expect(lintStateOf(refreshed)?.stale).toBe(true);

    const map = plainTextMap(refreshed.doc.toJSON() as DocNode);
    const linted = refreshed.apply(lintedElsewhereTransaction(refreshed, { doc: refreshed.doc, line: session.line, map, result: lint(map.text, line, context), startedAt: 0 }));
    expect(lintStateOf(linted)?.stale).toBe(false);
    expect(lintStateOf(linted)?.result?.findings.map((finding) => finding.ruleId)).toEqual(['sup']);
    expect(pageLint()).toBeNull();
  });

  it('lints in the page once loaded, as before', async () => {
    await loadPageLint();
    const session = new LintSession();
    session.setInputs(line, context);
    const state = EditorState.create({ schema, doc: PmNode.fromJSON(schema, docJson), plugins: [editorialLintPlugin(session, EDITOR_TIMING)] });
    expect(lintStateOf(state)?.stale).toBe(false);
    expect(lintStateOf(state)?.result?.findings.map((finding) => finding.ruleId)).toEqual(['sup']);
  });
});
