import { inThreadRunner, WorkerLintRunner } from './lintRunner';
import type { LintRunner } from './lintRunner';

let shared: LintRunner | null = null;

/** One lint worker for the whole page, started when the first editor opens. */
export function editorLintRunner(): LintRunner {
  if (typeof Worker === 'undefined') return inThreadRunner;
  // Vite bundles the worker from this very expression (a module worker, same origin as the page).
  shared ??= new WorkerLintRunner(() => new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'plume-lint' }));
  return shared;
}
