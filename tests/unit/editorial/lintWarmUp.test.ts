import { describe, expect, it } from 'vitest';
import { EditorialLine, lint, resolveLine } from '../../../shared/editorial/index';
import type { LintContextInput, ResolvedLine } from '../../../shared/editorial/index';
import { warmUp } from '../../../shared/editorial/warmUp';
import { WorkerLintRunner } from '../../../renderer/src/editor/lint/lintRunner';
import type { LintWorkerPort } from '../../../renderer/src/editor/lint/lintRunner';
import { LintSession } from '../../../renderer/src/editor/lint/lintSession';
import { lintWorkerHandler } from '../../../renderer/src/editor/lint/lintWorkerHandler';

const line: ResolvedLine = resolveLine(
  EditorialLine.parse({ id: 'firm', name: 'Cabinet', version: 1, rules: [{ kind: 'bannedTerm', id: 'best', terms: [{ term: 'meilleur', replacement: 'reconnu' }] }] }),
);
const context: LintContextInput = { networks: ['x'] };
const TEXT = 'Le meilleur cabinet, https://exemple.fr 🚀';

/** The real worker code behind a structured clone, answering in a later task. */
class ThreadPort implements LintWorkerPort {
  readonly received: unknown[] = [];
  private readonly listeners: ((event: { data?: unknown }) => void)[] = [];
  private readonly handle = lintWorkerHandler();

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    this.received.push(data);
    setTimeout(() => {
      const reply = this.handle(data);
      if (reply) for (const listener of this.listeners) listener({ data: structuredClone(reply) });
    }, 0);
  }

  terminate(): void {}

  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { data?: unknown }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
}

describe('the lint worker warms up once an editor is drawn', () => {
  it('starts the worker and asks it to warm up before any line is known, then lints as before', async () => {
    const port = new ThreadPort();
    let starts = 0;
    const runner = new WorkerLintRunner(() => {
      starts++;
      return port;
    });
    const session = new LintSession(runner);
    // Not while the editor is drawn (the worker's start competed with the first render), a task later.
    expect(starts).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.line).toBeNull();
    expect(starts).toBe(1);
    expect(port.received).toEqual([{ type: 'warmUp' }]);
    await expect(runner.lint(TEXT, line, context)).resolves.toEqual(lint(TEXT, line, context));
    expect(starts).toBe(1);
    expect(port.received.map((message) => (message as { type: string }).type)).toEqual(['warmUp', 'line', 'lint']);
  });

  it('the worker answers nothing to a warm-up, and a warm-up changes no finding', () => {
    const before = lint(TEXT, line, context);
    expect(lintWorkerHandler()({ type: 'warmUp' })).toBeNull();
    warmUp();
    expect(lint(TEXT, line, context)).toEqual(before);
  });
});
