import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { PluginView, Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { EditorialLine, lint, resolveLine } from '../../shared/editorial/index';
import type { LintContextInput, ResolvedLine } from '../../shared/editorial/index';
import { plainTextMap } from '../../shared/posts/document';
import type { DocNode } from '../../shared/posts/document';
import { EDITOR_TIMING, editorialLintPlugin, lintStateOf, lintedElsewhereTransaction, refreshTransaction } from '../../renderer/src/editor/lint/lintPlugin';
import type { LintState } from '../../renderer/src/editor/lint/lintPlugin';
import { WorkerLintRunner } from '../../renderer/src/editor/lint/lintRunner';
import type { LintRunner, LintWorkerPort } from '../../renderer/src/editor/lint/lintRunner';
import { LintSession } from '../../renderer/src/editor/lint/lintSession';
import { lintWorkerHandler } from '../../renderer/src/editor/lint/lintWorkerHandler';
import { loadPageLint } from '../../renderer/src/editor/lint/pageLint';

// The page loads its own linter on demand (see pageLint.ts); these tests lint in the page.
// Awaited, not returned: vitest would call a returned function (the linter) as the suite's teardown.
beforeAll(async () => {
  await loadPageLint();
});

const line: ResolvedLine = resolveLine(
  EditorialLine.parse({
    id: 'firm',
    name: 'Cabinet Exemple',
    version: 4,
    rules: [
      { kind: 'bannedTerm', id: 'superlatives', terms: [{ term: 'meilleur', replacement: 'reconnu' }] },
      { kind: 'requiredMention', id: 'bar', text: 'Avocat au barreau de Paris' },
      { kind: 'networkLimits', id: 'limits' },
    ],
  }),
);
const context: LintContextInput = { networks: ['x', 'bluesky'] };
const TEXT = 'Le meilleur cabinet de la place, et de loin 🚀 https://exemple.fr/analyse';

type Listener = (event: { data?: unknown }) => void;

/**
 * A worker as the runner sees one: messages cross a structured clone, as between threads, and
 * the answers come from the real worker code (`lintWorkerHandler`) in a later task. `answer`
 * replaces the worker's reply, to play a broken worker.
 */
class ThreadPort implements LintWorkerPort {
  readonly received: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly handle = lintWorkerHandler();

  constructor(private readonly answer: (data: unknown, real: unknown) => unknown = (_data, real) => real) {}

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    this.received.push(data);
    setTimeout(() => {
      const reply = this.answer(data, this.handle(data));
      if (reply !== null && reply !== undefined) this.emit('message', { data: structuredClone(reply) });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message' | 'error' | 'messageerror', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, event: { data?: unknown }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

describe('the editor lints in a worker, and in the page when the worker cannot', () => {
  it('gets from the worker exactly what the page would have found, sending the line only once', async () => {
    const port = new ThreadPort();
    const runner = new WorkerLintRunner(() => port);
    const expected = lint(TEXT, line, context);
    expect(expected.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['superlatives', 'bar']));

    await expect(runner.lint(TEXT, line, context)).resolves.toEqual(expected);
    await expect(runner.lint(`${TEXT} encore`, line, context)).resolves.toEqual(lint(`${TEXT} encore`, line, context));
    expect(port.received.filter((message) => (message as { type: string }).type === 'line')).toHaveLength(1);
    expect(port.received.filter((message) => (message as { type: string }).type === 'lint')).toHaveLength(2);
  });

  it('sends a new version of the line before linting against it', async () => {
    const port = new ThreadPort();
    const runner = new WorkerLintRunner(() => port);
    await runner.lint(TEXT, line, context);
    const tightened = resolveLine(EditorialLine.parse({ id: 'firm', name: 'Cabinet Exemple', version: 5, rules: [{ kind: 'bannedTerm', id: 'loin', terms: [{ term: 'de loin' }] }] }));
    const result = await runner.lint(TEXT, tightened, context);
    expect(result.lineVersion.organisation).toBe(5);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['loin']);
  });

  it('lints in the page when the worker cannot start', async () => {
    const runner = new WorkerLintRunner(() => {
      throw new Error('Workers are not allowed here');
    });
    await expect(runner.lint(TEXT, line, context)).resolves.toEqual(lint(TEXT, line, context));
  });

  it('lints the waiting passes, and every later one, in the page once the worker fails', async () => {
    // A worker that never answers, then dies.
    const port = new ThreadPort(() => null);
    const runner = new WorkerLintRunner(() => port);
    const waiting = runner.lint(TEXT, line, context);
    await new Promise((resolve) => setTimeout(resolve, 5));
    port.emit('error', {});
    await expect(waiting).resolves.toEqual(lint(TEXT, line, context));
    expect(port.terminated).toBe(true);
    const sent = port.received.length;
    await expect(runner.lint('Le meilleur.', line, context)).resolves.toEqual(lint('Le meilleur.', line, context));
    expect(port.received).toHaveLength(sent);
  });

  it('lints in the page a pass the worker answered with something that is not a lint', async () => {
    const port = new ThreadPort((data, real) => {
      const id = (data as { id?: number }).id;
      return id === undefined ? real : { id, result: { findings: 'not a list' } };
    });
    const runner = new WorkerLintRunner(() => port);
    await expect(runner.lint(TEXT, line, context)).resolves.toEqual(lint(TEXT, line, context));
  });

  it('the worker answers a request it cannot read, or a line it does not know, with an error for that pass', () => {
    const handle = lintWorkerHandler();
    expect(handle({ type: 'lint', id: 3, key: 0, text: 42 })).toMatchObject({ id: 3, error: expect.any(String) as unknown });
    expect(handle({ type: 'lint', id: 4, key: 9, text: 'Le meilleur.', context: {} })).toEqual({ id: 4, error: 'unknown line 9' });
    expect(handle({ type: 'line', key: 1, line: { scope: 'resolved' } })).toBeNull();
    expect(handle('garbage')).toBeNull();
  });
});

describe("a worker's lint reaches the editor only if it still describes the document", () => {
  const schema = getSchema([StarterKit]);
  const docJson: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le meilleur cabinet.' }] }] };

  function typedState(): { state: EditorState; session: LintSession } {
    const session = new LintSession();
    session.setInputs(line, context);
    const start = EditorState.create({ schema, doc: PmNode.fromJSON(schema, docJson), plugins: [editorialLintPlugin(session, EDITOR_TIMING)] });
    // Typed at the start: the lint is now stale, its underline mapped.
    return { state: start.apply(start.tr.insertText('Vraiment, ', 1)), session };
  }

  const lintOf = (state: EditorState): LintState => {
    const value = lintStateOf(state);
    if (!value) throw new Error('the lint plugin has no state');
    return value;
  };

  function workerLint(state: EditorState, session: LintSession) {
    const map = plainTextMap(state.doc.toJSON() as DocNode);
    return { doc: state.doc, line: session.line, map, result: lint(map.text, line, context), startedAt: 0 };
  }

  it('applies a lint of the current document: fresh, with the underlines where the words are now', () => {
    const { state, session } = typedState();
    expect(lintOf(state).stale).toBe(true);
    const linted = state.apply(lintedElsewhereTransaction(state, workerLint(state, session)));
    expect(lintOf(linted).stale).toBe(false);
    expect(lintOf(linted).map.text).toBe('Vraiment, Le meilleur cabinet.');
    const underline = lintOf(linted).decorations.find()[0];
    expect(underline && linted.doc.textBetween(underline.from, underline.to)).toBe('meilleur');
  });

  it('drops a lint of a document typed on since, and one overtaken by a refresh', () => {
    const { state, session } = typedState();
    const old = workerLint(state, session);
    const typedOn = state.apply(state.tr.insertText('!', state.doc.content.size - 1));
    expect(lintOf(typedOn.apply(lintedElsewhereTransaction(typedOn, old)))).toBe(lintOf(typedOn));

    const refreshed = state.apply(refreshTransaction(state));
    expect(lintOf(refreshed).stale).toBe(false);
    expect(lintOf(refreshed.apply(lintedElsewhereTransaction(refreshed, old)))).toBe(lintOf(refreshed));
  });
});

describe('a pass asked for while the worker still lints an older text', () => {
  const schema = getSchema([StarterKit]);
  const docJson: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le meilleur cabinet.' }] }] };
  const timing = { delayMs: 5, maxWaitMs: 60_000 };

  /** The editor's view as the plugin sees it: a state, transactions applied, the plugin's view told. */
  class ViewOfState {
    pluginViews: PluginView[] = [];
    constructor(public state: EditorState) {}
    dispatch(tr: Transaction): void {
      const previous = this.state;
      this.state = previous.apply(tr);
      for (const pluginView of this.pluginViews) pluginView.update?.(this as unknown as EditorView, previous);
    }
  }

  /** A worker that answers when told: each request waits in `asked`. */
  function slowWorker(): { runner: LintRunner; asked: { text: string; answer: () => void }[] } {
    const asked: { text: string; answer: () => void }[] = [];
    const runner: LintRunner = {
      lint: (text, withLine, withContext) => new Promise((resolve) => asked.push({ text, answer: () => resolve(lint(text, withLine, withContext)) })),
    };
    return { runner, asked };
  }

  function openEditor(runner: LintRunner): ViewOfState {
    const session = new LintSession(runner);
    session.setInputs(line, context);
    const plugin = editorialLintPlugin(session, timing);
    const view = new ViewOfState(EditorState.create({ schema, doc: PmNode.fromJSON(schema, docJson), plugins: [plugin] }));
    const pluginView = plugin.spec.view?.(view as unknown as EditorView);
    if (pluginView) view.pluginViews.push(pluginView);
    return view;
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is run once the worker answers, when the text was typed on meanwhile', async () => {
    const { runner, asked } = slowWorker();
    const view = openEditor(runner);
    view.dispatch(view.state.tr.insertText('Vraiment, ', 1));
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    // Typed on while the worker lints: the pause after the key comes and goes with the pass still out.
    view.dispatch(view.state.tr.insertText(' Sans conteste.', view.state.doc.content.size - 1));
    await pause(40);
    expect(asked).toHaveLength(1);
    asked[0]?.answer();
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]?.text).toBe('Vraiment, Le meilleur cabinet. Sans conteste.');
    asked[1]?.answer();
    await vi.waitFor(() => expect(lintStateOf(view.state)?.stale).toBe(false));
    expect(lintStateOf(view.state)?.map.text).toBe('Vraiment, Le meilleur cabinet. Sans conteste.');
    expect(lintStateOf(view.state)?.result?.findings.map((f) => f.ruleId)).toContain('superlatives');
  });
});
