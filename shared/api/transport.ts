import { z } from 'zod';
import type { ApiErrorShape } from './errors';

/** What a transport carries back for one call: the contract's value or its error shape. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/** What the desktop preload exposes on `window.plumeBridge`: the contract's transport, nothing more. */
export interface PlumeBridge {
  call(name: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** Main asks the UI to save pending edits before the window closes. */
  onFlushRequest(listener: () => Promise<void>): void;
}

/**
 * Browser mode: reads asked for in the same moment travel as one request (`POST /api/batch`).
 * A browser keeps six HTTP/1.1 connections per origin and the event stream holds one, so the
 * first screen's dozen reads queued behind each other, and each request cost the page ~1 ms to
 * issue. The answer streams one line per call as each is answered (NDJSON), so a quick read is
 * not held back by a long one.
 */
export const MAX_BATCH_CALLS = 64;

export const BatchRequest = z.object({
  calls: z
    .array(z.object({ name: z.string().min(1).max(100), input: z.unknown() }))
    .min(1)
    .max(MAX_BATCH_CALLS),
});
export type BatchRequest = z.infer<typeof BatchRequest>;

/**
 * One line of a batch's answer: the call's index in the request, the event mark taken before it
 * ran (what the X-Plume-Events header carries for a single call), and its result.
 */
export const BatchLine = z.object({
  i: z.number().int().nonnegative(),
  mark: z.string().max(100),
  result: z.unknown(),
});
export type BatchLine = z.infer<typeof BatchLine>;

export const BATCH_MEDIA_TYPE = 'application/x-ndjson';
export const BATCH_CONTENT_TYPE = `${BATCH_MEDIA_TYPE}; charset=utf-8`;
