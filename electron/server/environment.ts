import { z } from 'zod';
import { given } from '../core/dataDir';

/** An environment variable left blank (`PLUME_PORT= npm start`) counts as unset. */
const optionalSetting = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' ? given(value) : value), schema.optional());

const Port = z
  .string()
  .trim()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(65_535));

const Instant = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)))
  .transform((value) => Date.parse(value));

const BrowserModeEnvironment = z.object({
  PLUME_PORT: optionalSetting(Port),
  PLUME_CLOCK_START: optionalSetting(Instant),
});

/** What the browser-mode command reads from its environment, checked. */
export interface BrowserModeSettings {
  /** PLUME_PORT: a fixed port; otherwise the workspace's last port when free, else any free port. */
  port: number | undefined;
  /** PLUME_CLOCK_START: core's time flows from this instant (end-to-end tests). */
  clockStart: number | undefined;
}

/** What each variable should hold: the sentence a wrong value gets (zod's own messages are not shown). */
const EXPECTED: Record<string, string> = {
  PLUME_PORT: 'a port number from 1 to 65535, or unset for a free port',
  PLUME_CLOCK_START: 'an ISO instant such as 2026-12-01T09:00:00Z, or unset',
};

/**
 * Reads the browser-mode command's settings from `env`. A wrong value stops the start with a
 * sentence naming the variable, what it holds and what it should hold, rather than Node's own
 * error from deep inside (`options.port should be >= 0 and < 65536. Received type number (NaN)`).
 */
export function browserModeSettings(env: NodeJS.ProcessEnv = process.env): BrowserModeSettings {
  const parsed = BrowserModeEnvironment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    throw new Error(`${name}=${JSON.stringify(env[name] ?? '')} is not ${EXPECTED[name] ?? 'valid'}.`);
  }
  return { port: parsed.data.PLUME_PORT, clockStart: parsed.data.PLUME_CLOCK_START };
}

/** The sentence for a port already taken, when the user fixed it with PLUME_PORT. */
export const portTakenMessage = (port: number): string =>
  `Port ${String(port)} (PLUME_PORT) is already in use on 127.0.0.1: another Plume or another program holds it. Choose another port, or unset PLUME_PORT to let Plume pick a free one.`;

/** True when `error` is Node's "address already in use" from listen(). */
export const isPortTaken = (error: unknown): boolean => error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
