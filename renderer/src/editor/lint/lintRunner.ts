import type { LintContextInput, LintResult } from '../../../../shared/editorial/findingSchema';
import type { CompiledLine } from '../../../../shared/editorial/compile';
import type { ResolvedLine } from '../../../../shared/editorial/lineSchema';
import { LintWorkerReply } from './lintWorkerProtocol';
import { loadPageLint } from './pageLint';
import type { LintWorkerRequest } from './lintWorkerProtocol';

/** What the editor lints against: the partner's resolved line (compiled once by `lint`). */
export type LintLine = ResolvedLine | CompiledLine;

/** Where the editor's lint passes run while typing. */
export interface LintRunner {
  lint(text: string, line: LintLine, context: LintContextInput): Promise<LintResult>;
  /** An editor opens: get ready to lint (start the worker, warm its libraries) before the line is known. */
  prepare?(): void;
}

/** In the page's own thread: where there is no worker (tests, a shell that refuses one). */
export const inThreadRunner: LintRunner = {
  lint: async (text, line, context) => (await loadPageLint())(text, line, context),
};

interface Waiting {
  text: string;
  line: LintLine;
  context: LintContextInput;
  resolve: (result: LintResult) => void;
}

const resolvedOf = (line: LintLine): ResolvedLine => (line.scope === 'compiled' ? line.line : line);

/** What the runner needs of a worker: a DOM `Worker` has all of it (and tests can provide it). */
export interface LintWorkerPort {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { data?: unknown }) => void): void;
}

/**
 * Lints in a dedicated worker, so a pass never holds up a keystroke (bench/typingLatency.bench.ts).
 * The worker starts when an editor opens (`prepare`, warming its libraries while the line
 * loads), else on the first pass; each line is sent (and compiled there) once. If the
 * worker cannot start or fails, every pass, waiting ones included, runs in the page instead:
 * slower to type over, never a lint lost.
 */
export class WorkerLintRunner implements LintRunner {
  private worker: LintWorkerPort | null = null;
  private failed = false;
  private nextId = 0;
  private nextLineKey = 0;
  private readonly lineKeys = new WeakMap<ResolvedLine, number>();
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly start: () => LintWorkerPort) {}

  prepare(): void {
    const worker = this.failed ? null : this.started();
    if (!worker) return;
    try {
      this.post(worker, { type: 'warmUp' });
    } catch {
      this.fail();
    }
  }

  lint(text: string, line: LintLine, context: LintContextInput): Promise<LintResult> {
    const worker = this.failed ? null : this.started();
    if (!worker) return inThreadRunner.lint(text, line, context);
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.waiting.set(id, { text, line, context, resolve });
      try {
        this.post(worker, { type: 'lint', id, key: this.lineKey(worker, line), text, context });
      } catch {
        // A message the worker cannot be sent (it has gone): this pass and the next run here.
        this.fail();
      }
    });
  }

  private started(): LintWorkerPort | null {
    if (this.worker) return this.worker;
    try {
      const worker = this.start();
      worker.addEventListener('message', (event) => this.answered(event.data));
      worker.addEventListener('error', () => this.fail());
      worker.addEventListener('messageerror', () => this.fail());
      this.worker = worker;
      return worker;
    } catch {
      this.fail();
      return null;
    }
  }

  private lineKey(worker: LintWorkerPort, line: LintLine): number {
    const resolved = resolvedOf(line);
    let key = this.lineKeys.get(resolved);
    if (key === undefined) {
      key = this.nextLineKey++;
      this.lineKeys.set(resolved, key);
      this.post(worker, { type: 'line', key, line: resolved });
    }
    return key;
  }

  /** `postMessage` takes anything: this is where the request's shape is checked. */
  private post(worker: LintWorkerPort, request: LintWorkerRequest): void {
    worker.postMessage(request);
  }

  private answered(data: unknown): void {
    const reply = LintWorkerReply.safeParse(data);
    const id = reply.success ? reply.data.id : (data as { id?: unknown } | null)?.id;
    const waiting = typeof id === 'number' ? this.waiting.get(id) : undefined;
    if (!waiting || typeof id !== 'number') return;
    this.waiting.delete(id);
    // An answer that is not a lint (an error in the worker, a reply that does not parse): lint here.
    if (reply.success && 'result' in reply.data) waiting.resolve(reply.data.result);
    else void inThreadRunner.lint(waiting.text, waiting.line, waiting.context).then(waiting.resolve);
  }

  /** The worker is gone for good: finish what it had in the page, and lint there from now on. */
  private fail(): void {
    this.failed = true;
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const pass of waiting) void inThreadRunner.lint(pass.text, pass.line, pass.context).then(pass.resolve);
  }
}
