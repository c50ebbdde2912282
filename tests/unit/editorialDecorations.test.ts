import { beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { EditorialLine, PartnerLine, applyFix, resolveLine } from '../../shared/editorial/index';
import type { Finding, LintContextInput, ResolvedLine } from '../../shared/editorial/index';
import { plainTextOf } from '../../shared/posts/document';
import type { DocNode } from '../../shared/posts/document';
import { EDITOR_TIMING, editorialLintPlugin, lintStateOf, refreshTransaction, underlineKeys } from '../../renderer/src/editor/lint/lintPlugin';
import type { LintState } from '../../renderer/src/editor/lint/lintPlugin';
import { LintSession } from '../../renderer/src/editor/lint/lintSession';
import { fixTransaction } from '../../renderer/src/editor/lint/applyFix';
import { loadPageLint } from '../../renderer/src/editor/lint/pageLint';

// The page loads its own linter on demand (see pageLint.ts); these tests lint in the page.
// Awaited, not returned: vitest would call a returned function (the linter) as the suite's teardown.
beforeAll(async () => {
  await loadPageLint();
});

/** The editor's real schema: positions and fixes are checked against ProseMirror itself. */
const schema = getSchema([StarterKit]);

const firm = EditorialLine.parse({
  id: 'firm',
  name: 'Cabinet Exemple',
  version: 3,
  rules: [
    { kind: 'requiredMention', id: 'bar', text: 'Avocat au barreau de Paris' },
    { kind: 'forbiddenTopic', id: 'politics', topic: 'politique', terms: ['élection présidentielle'] },
    { kind: 'networkLimits', id: 'limits' },
    { kind: 'hashtags', id: 'tags', position: 'end' },
  ],
});
const partner = PartnerLine.parse({
  id: 'partner-claire',
  partnerId: 'claire',
  version: 2,
  rules: [{ kind: 'bannedTerm', id: 'superlatives', terms: [{ term: 'meilleur', replacement: 'reconnu' }] }],
});
const line: ResolvedLine = resolveLine(firm, partner);

const text = (value: string, marks?: string[]): DocNode => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const bullets = (...items: string[]): DocNode => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [p(text(item))] })) });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

function editorState(json: DocNode, context: LintContextInput = {}, withLine: ResolvedLine | null = line): { state: EditorState; session: LintSession } {
  const session = new LintSession();
  session.setInputs(withLine, context);
  const state = EditorState.create({ schema, doc: PmNode.fromJSON(schema, json), plugins: [editorialLintPlugin(session)] });
  return { state, session };
}

function lintOf(state: EditorState): LintState {
  const value = lintStateOf(state);
  if (!value) throw new Error('the lint plugin has no state');
  return value;
}

function findingOf(state: EditorState, ruleId: string): Finding {
  const finding = lintOf(state).result?.findings.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no finding for ${ruleId}`);
  return finding;
}

/** What each decoration of a finding covers in the document; `places`: where a missing piece goes. */
function decorated(state: EditorState, findingId: string): { inline: string[]; places: { char: string; to: number }[] } {
  const findings = lintOf(state).result?.findings ?? [];
  const key = [...underlineKeys(findings)].find(([, finding]) => finding.id === findingId)?.[0];
  const all: Decoration[] = lintOf(state).decorations.find(undefined, undefined, (spec: { findingKey?: string }) => key !== undefined && spec.findingKey === key);
  const isPlace = (d: Decoration) => (d.spec as { place?: boolean }).place === true;
  const sorted = [...all].sort((a, b) => a.from - b.from);
  return {
    inline: sorted.filter((d) => !isPlace(d)).map((d) => state.doc.textBetween(d.from, d.to)),
    places: sorted.filter(isPlace).map((d) => ({ char: state.doc.textBetween(d.from, d.to), to: d.to })),
  };
}

function applyQuickFix(state: EditorState, finding: Finding): EditorState {
  if (!finding.fix) throw new Error(`${finding.ruleId} has no quick fix`);
  return state.apply(fixTransaction(state, lintOf(state).map, finding.fix));
}

const MENTION = 'Avocat au barreau de Paris';

describe('editorial decorations land on the words the linter found', () => {
  it('underlines a banned word inside bold text, and only that word', () => {
    const { state } = editorState(doc(p(text('Le '), text('meilleur', ['bold']), text(' cabinet de Paris.')), p(text(MENTION))));
    const finding = findingOf(state, 'superlatives');
    expect(decorated(state, finding.id).inline).toEqual(['meilleur']);
    expect(finding.origin).toEqual({ scope: 'partner', version: 2 });
    expect(lintOf(state).result?.lineVersion).toEqual({ organisation: 3, partner: 2 });
  });

  it('underlines a phrase that runs across a bold boundary as one span', () => {
    const { state } = editorState(doc(p(text('Un mot sur l’élection '), text('présidentielle', ['bold']), text(' à venir.')), p(text(MENTION))));
    const finding = findingOf(state, 'politics');
    expect(decorated(state, finding.id).inline).toEqual(['élection présidentielle']);
  });

  it('underlines words in list items without touching the bullets the plain text adds', () => {
    const { state } = editorState(doc(p(text('Nos atouts :')), bullets('le meilleur conseil', 'une équipe'), p(text(MENTION))));
    const finding = findingOf(state, 'superlatives');
    expect(lintOf(state).map.text.slice(finding.range.from, finding.range.to)).toBe('meilleur');
    expect(decorated(state, finding.id).inline).toEqual(['meilleur']);
  });

  it('splits a range across paragraphs and list items into one underline per line, skipping breaks and bullets', () => {
    const long = 'Une phrase assez longue pour dépasser la limite de X quand on la répète plusieurs fois. ';
    const json = doc(p(text(long.repeat(3))), bullets(long.trim(), long.trim()), p(text(MENTION)));
    const { state } = editorState(json, { networks: ['x'] });
    const finding = findingOf(state, 'limits');
    expect(finding.network).toBe('x');
    const { map } = lintOf(state);
    // What the range covers, minus the characters the plain text adds, is what is underlined.
    const expected = map.text
      .slice(finding.range.from, finding.range.to)
      .split('\n')
      .map((lineText) => lineText.replace(/^• /u, ''))
      .filter((lineText) => lineText.length > 0);
    expect(decorated(state, finding.id).inline).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
  });

  it('marks a missing mention with a caret after the last character of the post', () => {
    const { state } = editorState(doc(p(text('Premier paragraphe.')), bullets('un', 'deux')));
    const finding = findingOf(state, 'bar');
    expect(finding.severity).toBe('error');
    const { places, inline } = decorated(state, finding.id);
    expect(inline).toEqual([]);
    expect(places).toHaveLength(1);
    expect(state.doc.textBetween((places[0]?.to ?? 0) - 4, places[0]?.to ?? 0)).toBe('deux');
    expect(places[0]?.to).toBe(state.doc.content.size - 3);
  });

  it('moves the underline as the text is typed: typing the banned word underlines it in the same transaction', () => {
    const { state } = editorState(doc(p(text('Un cabinet.')), p(text(MENTION))));
    expect(lintOf(state).result?.findings).toEqual([]);
    const typed = state.apply(state.tr.insertText(' meilleur', 'Un'.length + 1));
    const finding = findingOf(typed, 'superlatives');
    expect(decorated(typed, finding.id).inline).toEqual(['meilleur']);
  });

  it('in the editor, maps the underlines through keystrokes until the deferred lint runs', () => {
    const session = new LintSession();
    session.setInputs(line, {});
    const json = doc(p(text('Le meilleur.')), p(text(MENTION)));
    const state = EditorState.create({ schema, doc: PmNode.fromJSON(schema, json), plugins: [editorialLintPlugin(session, EDITOR_TIMING)] });
    const finding = findingOf(state, 'superlatives');
    const typed = state.apply(state.tr.insertText('Vraiment, ', 1));
    expect(lintOf(typed).stale).toBe(true);
    // Same finding, its underline moved with the word.
    expect(lintOf(typed).result?.findings).toEqual(lintOf(state).result?.findings);
    expect(decorated(typed, finding.id).inline).toEqual(['meilleur']);
    const linted = typed.apply(refreshTransaction(typed));
    expect(lintOf(linted).stale).toBe(false);
    expect(findingOf(linted, 'superlatives').range).toEqual({ from: 13, to: 21 });
  });

  it('names underlines so that typing at the end leaves those of earlier paragraphs as they were', () => {
    // Over X's 280: the overflow is underlined from the first paragraph to the end of the post.
    const { state } = editorState(doc(p(text(`Le meilleur cabinet ${'de Paris '.repeat(40)}`)), p(text(MENTION))), { networks: ['x'] });
    const typed = state.apply(state.tr.insertText(' !', state.doc.content.size - 1));
    const firstEnd = state.doc.child(0).nodeSize;
    // Within the first paragraph: the second one starts at firstEnd.
    const inFirst = (value: EditorState) =>
      lintOf(value)
        .decorations.find(0, firstEnd - 1)
        .map((decoration) => ({ from: decoration.from, to: decoration.to, spec: decoration.spec as unknown }));
    const overflow = (value: EditorState) => findingOf(value, 'limits');
    expect(overflow(typed).id).not.toBe(overflow(state).id);
    expect(inFirst(typed)).toEqual(inFirst(state));
    expect(inFirst(state).length).toBeGreaterThan(1);
  });

  it('underlines a paragraph wholly past a limit by its own class, keyed for the hover card; the paragraph where the limit falls gets a span from there', () => {
    const long = 'Une phrase assez longue pour dépasser la limite de X quand on la répète plusieurs fois. ';
    const { state } = editorState(doc(p(text(long.repeat(4))), p(text('Deuxième paragraphe, tout entier au-delà.')), p(text(MENTION))), { networks: ['x', 'bluesky'] });
    const findings = lintOf(state).result?.findings ?? [];
    const overflowKeys = [...underlineKeys(findings)].filter(([, finding]) => finding.ruleId === 'limits').map(([key]) => key);
    expect(overflowKeys).toHaveLength(2);
    const second = state.doc.child(0).nodeSize;
    const secondEnd = second + state.doc.child(1).nodeSize;
    for (const key of overflowKeys) {
      const all = lintOf(state).decorations.find(undefined, undefined, (spec: { findingKey?: string }) => spec.findingKey === key);
      // The first paragraph: an inline span from the limit to its end.
      const inFirst = all.filter((d) => d.to < second);
      expect(inFirst).toHaveLength(1);
      expect(inFirst[0]?.to).toBe(second - 1);
      // The second: the whole node, with the key in its classes (two networks' keys add up on one node).
      const onSecond = all.find((d) => d.from === second);
      expect(onSecond?.to).toBe(secondEnd);
      const attrs = (onSecond as unknown as { type: { attrs: { class?: string; nodeName?: string } } } | undefined)?.type.attrs;
      expect(attrs?.nodeName).toBeUndefined();
      expect(attrs?.class?.split(' ')).toEqual(expect.arrayContaining(['lint', `lint-key:${encodeURIComponent(key)}`]));
    }
  });

  it('a finding within one paragraph stays a span even when it is the whole paragraph: what is typed after it is not part of it', () => {
    const { state } = editorState(doc(p(text('meilleur')), p(text(MENTION))));
    const finding = findingOf(state, 'superlatives');
    const [only, ...rest] = lintOf(state).decorations.find(undefined, undefined, (spec: { findingKey?: string }) => spec.findingKey === [...underlineKeys([finding])][0]?.[0]);
    expect(rest).toEqual([]);
    expect(only && state.doc.textBetween(only.from, only.to)).toBe('meilleur');
    expect(only?.from).toBe(1);
    expect(only?.to).toBe(9);
  });

  it('lints nothing until the line is known, then lints when asked to refresh', () => {
    const { state, session } = editorState(doc(p(text('Le meilleur.'))), {}, null);
    expect(lintOf(state).result).toBeNull();
    expect(lintOf(state).decorations.find()).toEqual([]);
    session.setInputs(line, {});
    const refreshed = state.apply(refreshTransaction(state));
    expect(findingOf(refreshed, 'superlatives').range).toEqual({ from: 3, to: 11 });
  });

  it('publishes each new lint to the session subscribers', () => {
    const { state, session } = editorState(doc(p(text('Le meilleur.'))));
    const published: string[] = [];
    session.subscribe(() => published.push(session.getSnapshot().map.text));
    session.publish(lintOf(state));
    session.publish(lintOf(state));
    expect(published).toEqual(['Le meilleur.']);
  });
});

describe('quick fixes edit the document as they edit the plain text', () => {
  /** The fixed document's plain text is exactly the linter's own application of the fix. */
  function expectFixMatchesText(state: EditorState, finding: Finding): EditorState {
    const before = lintOf(state).map.text;
    const fixed = applyQuickFix(state, finding);
    if (!finding.fix) throw new Error('no fix');
    expect(plainTextOf(fixed.doc.toJSON() as DocNode)).toBe(applyFix(before, finding.fix));
    return fixed;
  }

  it('replaces a bold banned word by its suggestion and keeps it bold', () => {
    const { state } = editorState(doc(p(text('Le '), text('Meilleur', ['bold']), text(' cabinet.')), p(text(MENTION))));
    const fixed = expectFixMatchesText(state, findingOf(state, 'superlatives'));
    expect(fixed.doc.toJSON()).toEqual(doc(p(text('Le '), text('Reconnu', ['bold']), text(' cabinet.')), p(text(MENTION))));
    expect(lintOf(fixed).result?.findings.filter((f) => f.ruleId === 'superlatives')).toEqual([]);
  });

  it('replaces a banned word inside a list item', () => {
    const { state } = editorState(doc(bullets('un', 'le meilleur conseil'), p(text(MENTION))));
    const fixed = expectFixMatchesText(state, findingOf(state, 'superlatives'));
    expect(plainTextOf(fixed.doc.toJSON() as DocNode)).toBe(`• un\n• le reconnu conseil\n${MENTION}`);
  });

  it('inserts the missing bar mention as a paragraph of its own after a list, not inside it', () => {
    const { state } = editorState(doc(p(text('Trois points :')), bullets('un', 'deux')));
    const fixed = expectFixMatchesText(state, findingOf(state, 'bar'));
    const json = fixed.doc.toJSON() as DocNode;
    expect(json.content?.at(-1)).toEqual(p(text(MENTION)));
    expect(lintOf(fixed).result?.findings.some((f) => f.ruleId === 'bar')).toBe(false);
  });

  it('fills a trailing empty paragraph with the mention instead of leaving a blank line', () => {
    const { state } = editorState(doc(p(text('Bonjour.')), p()));
    const fixed = expectFixMatchesText(state, findingOf(state, 'bar'));
    expect(fixed.doc.toJSON()).toEqual(doc(p(text('Bonjour.')), p(text(MENTION))));
  });

  it('writes the mention into an empty post', () => {
    const { state } = editorState(doc(p()));
    const fixed = expectFixMatchesText(state, findingOf(state, 'bar'));
    expect(fixed.doc.toJSON()).toEqual(doc(p(text(MENTION))));
  });

  it('applies a fix of several edits (a hashtag moved to the end) at the right places', () => {
    const { state } = editorState(doc(p(text('Le '), text('#droit', ['italic']), text(' des contrats.')), p(text('Suite.')), p(text(MENTION))));
    const finding = findingOf(state, 'tags');
    expect(finding.fix?.edits.length).toBe(2);
    expectFixMatchesText(state, finding);
  });
});
