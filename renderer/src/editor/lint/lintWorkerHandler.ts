import { compileLine } from '../../../../shared/editorial/compile';
import type { CompiledLine } from '../../../../shared/editorial/compile';
import { lint } from '../../../../shared/editorial/lint';
import { warmUp } from '../../../../shared/editorial/warmUp';
import { LintWorkerRequest } from './lintWorkerProtocol';
import type { LintWorkerReply } from './lintWorkerProtocol';

/** Lines a worker keeps compiled: the open editor's, and a few more so two editors do not evict each other. */
const KEPT_LINES = 8;

/**
 * The lint worker's side of the protocol, apart from the worker itself: each message in, the
 * reply to post back (none for a line, which is only compiled and kept under its key, nor for a warm-up).
 */
export function lintWorkerHandler(): (data: unknown) => LintWorkerReply | null {
  const lines = new Map<number, CompiledLine>();
  return (data) => {
    const request = LintWorkerRequest.safeParse(data);
    if (!request.success) {
      const id = (data as { id?: unknown } | null)?.id;
      return typeof id === 'number' ? { id, error: request.error.message } : null;
    }
    const message = request.data;
    if (message.type === 'warmUp') {
      warmUp();
      return null;
    }
    if (message.type === 'line') {
      lines.delete(message.key);
      lines.set(message.key, compileLine(message.line));
      // Maps iterate oldest first.
      for (const key of lines.keys()) if (lines.size > KEPT_LINES) lines.delete(key);
      return null;
    }
    const line = lines.get(message.key);
    if (!line) return { id: message.id, error: `unknown line ${String(message.key)}` };
    try {
      return { id: message.id, result: lint(message.text, line, message.context) };
    } catch (error) {
      return { id: message.id, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
