import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';
import { uiMessages } from '../../../renderer/src/i18n/resources';

let t: TestCore;
afterEach(() => t.close());

/** Calls partners.list on every turn of the event loop until `done` settles: what each answered. */
async function callsDuring(done: Promise<unknown>): Promise<{ ok: boolean; code?: string; messageKey?: string }[]> {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  const answers: { ok: boolean; code?: string; messageKey?: string }[] = [];
  while (!settled) {
    const result = await t.raw('partners.list', {});
    answers.push(result.ok ? { ok: true } : { ok: false, code: result.error.code, messageKey: result.error.messageKey });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return answers;
}

describe('while the workspace file is reopened', () => {
  it('calls are told to try again in a moment (a retryable error, translated), never that the file is unreadable, and work again once it is open', async () => {
    t = createTestCore();
    await t.call('partners.create', partnerInput('A'));
    const backup = await t.call('backups.create', {});
    await t.call('partners.create', partnerInput('B'));

    // One call made for sure inside the window (the old file closed, the restored one not yet
    // swapped in); the loop's calls land wherever the event loop lets them.
    const storage = t.core.storage;
    const swapIn = storage.swapIn.bind(storage);
    const inside: ReturnType<TestCore['raw']>[] = [];
    storage.swapIn = (...args: Parameters<typeof swapIn>) => {
      inside.push(t.raw('partners.list', {}));
      swapIn(...args);
    };
    const restoring = t.call('backups.restore', { name: backup.name });
    const answers = await callsDuring(restoring);
    await restoring;
    const [made] = inside;
    if (!made) throw new Error('the restore never swapped the file in');
    const insideAnswer = await made;
    answers.push(insideAnswer.ok ? { ok: true } : { ok: false, code: insideAnswer.error.code, messageKey: insideAnswer.error.messageKey });

    const refused = answers.filter((answer) => !answer.ok);
    expect(insideAnswer.ok).toBe(false);
    expect(new Set(refused.map((answer) => `${answer.code} ${answer.messageKey}`))).toEqual(new Set(['unavailable errors.workspaceReopening']));
    expect((await t.call('partners.list', {})).map((p) => p.displayName)).toEqual(['A']);
  });

  it('says so in French and in English, as a moment to wait, not a file to restore', () => {
    const fr = uiMessages('fr') as { errors: Record<string, string> };
    const en = uiMessages('en') as { errors: Record<string, string> };
    expect(fr.errors.workspaceReopening).toBe('Plume rouvre le fichier de l’espace de travail\u00a0: rien n’a été fait. Réessayez dans un instant.');
    expect(en.errors.workspaceReopening).toBe('Plume is reopening the workspace file: nothing was done. Try again in a moment.');
  });
});
