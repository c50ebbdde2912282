import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { EntryOptions } from '@napi-rs/keyring';
import { z } from 'zod';

/**
 * The keychain's calls run on a thread of their own. @napi-rs/keyring opens its Secret Service
 * session inside the entry's constructor, synchronously: a keyring daemon that stops answering
 * (seen: gnome-keyring wedged after a client died mid-negotiation) held core's only thread at
 * every call until the client library gave up (2 s here; D-Bus allows up to 25 s), and the
 * AbortSignal of the async calls cannot reach a constructor. Here core waits for an answer up to a deadline, then says the keychain is
 * unavailable; a thread that missed its deadline is left to finish on its own, and the next call
 * gets a fresh one.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { AsyncEntry } = require(workerData.keyring);
parentPort.on('message', async (request) => {
  try {
    const entry = new AsyncEntry(request.service, request.account, request.store);
    const value =
      request.op === 'set' ? await entry.setPassword(request.secret)
      : request.op === 'get' ? await entry.getPassword()
      : await entry.deleteCredential();
    parentPort.postMessage({ id: request.id, ok: true, value: value === undefined ? null : value });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, message: error && error.message ? String(error.message) : String(error) });
  }
});
`;

const Reply = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), value: z.union([z.string(), z.boolean(), z.null()]) }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string() }),
]);

export type KeychainRequest =
  | { op: 'set'; service: string; account: string; secret: string }
  | { op: 'get'; service: string; account: string }
  | { op: 'delete'; service: string; account: string };

interface Pending {
  resolve: (value: string | boolean | null) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The store did not answer in time; the call may still complete on the abandoned thread. */
export class KeychainNoAnswerError extends Error {
  constructor(ms: number) {
    super(`the keychain did not answer within ${ms} ms`);
    this.name = 'KeychainNoAnswerError';
  }
}

class KeychainThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  call(request: KeychainRequest, store: EntryOptions, timeoutMs: number): Promise<string | boolean | null> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Not unref'd: a process waiting for the keychain's answer waits for the deadline too.
      const timer = setTimeout(() => this.abandon(worker, new KeychainNoAnswerError(timeoutMs)), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...request, id, store });
    });
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { keyring: createRequire(import.meta.url).resolve('@napi-rs/keyring') } });
    // An idle thread never keeps core's process alive; a pending call's deadline timer does.
    worker.unref();
    worker.on('message', (message: unknown) => this.answered(message));
    worker.once('error', (error) => this.abandon(worker, error));
    worker.once('exit', (code) => this.abandon(worker, new Error(`the keychain thread stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private answered(message: unknown): void {
    const reply = Reply.safeParse(message);
    if (!reply.success) return;
    const pending = this.pending.get(reply.data.id);
    if (!pending) return; // answered after its deadline: the caller has been told already
    this.pending.delete(reply.data.id);
    clearTimeout(pending.timer);
    if (reply.data.ok) pending.resolve(reply.data.value);
    else pending.reject(new Error(reply.data.message));
  }

  /**
   * The thread missed a deadline or died: every call waiting on it fails (they queue behind the
   * stuck one), and the next call starts a new thread. The stuck one ends once its call returns.
   */
  private abandon(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    void worker.terminate().catch(() => undefined);
  }
}

/** One per process: every keychain object's calls go through it, one store connection at a time. */
export const keychainThread = new KeychainThread();
