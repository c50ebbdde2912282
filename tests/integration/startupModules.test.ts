import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir';

/**
 * Start-up cost (issue 15): the heavy network and mail libraries are imported on first use,
 * never when core starts. Core is started in a fresh Node process (a process shares its
 * module cache) with a module hook that writes down every package the code imports.
 */
const HEAVY = ['@atproto/api', 'imapflow', 'nodemailer', 'mailparser'];

/** Registered before tsx's own hooks, so it sees each specifier as written in the code. */
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) appendFileSync(process.env.PLUME_IMPORT_LOG, specifier + '\\n');
  return next(specifier, context);
}`;
const REGISTER = (hooks: string) => `import { register } from 'node:module'; register(${JSON.stringify(hooks)});`;

function loadedPackages(afterStart: string): string[] {
  const dir = tempDir();
  try {
    const log = join(dir.path, 'imports.log');
    const hooks = join(dir.path, 'hooks.mjs');
    writeFileSync(log, '');
    writeFileSync(hooks, HOOKS);
    const script = `
      import { createCore } from './electron/core/app.ts';
      import { createLogger } from './electron/core/log.ts';
      const core = createCore({ dataDir: ${JSON.stringify(dir.path)}, logger: createLogger({}) });
      ${afterStart}
      core.close();
    `;
    execFileSync(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(REGISTER(pathToFileURL(hooks).href))}`, '--input-type=module', '-e', script], {
      env: { ...process.env, PLUME_IMPORT_LOG: log },
    });
    const imported = new Set(readFileSync(log, 'utf8').split('\n'));
    return HEAVY.filter((name) => imported.has(name));
  } finally {
    dir.remove();
  }
}

describe('start-up imports', () => {
  it('starting core loads neither @atproto/api, imapflow, nodemailer nor mailparser', () => {
    expect(loadedPackages('')).toEqual([]);
  });

  it('loads them when mail and Bluesky are first used', () => {
    const used = loadedPackages(`
      const { imapflow, nodemailer, mailparser } = await import('./electron/core/mail/libraries.ts');
      const { atproto } = await import('./electron/core/bluesky/atproto.ts');
      await Promise.all([imapflow(), nodemailer(), mailparser(), atproto()]);
    `);
    expect(used.sort()).toEqual([...HEAVY].sort());
  });
});
