import { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKSTATION, parseCaptured, startHarness } from './harness';
import type { Harness } from './harness';

/**
 * The community manager's own mail client shows what the partner received: each request and
 * reminder is filed in the account's \Sent mailbox (IMAP APPEND). Real SMTP and Dovecot.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** Message-IDs in the Sent mailbox, read as a mail client would. */
async function sentMessageIds(port: number): Promise<string[]> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: WORKSTATION, pass: 'mail-secret-not-logged' }, logger: false });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('Sent');
    try {
      const ids: string[] = [];
      for await (const message of client.fetch('1:*', { envelope: true })) ids.push(message.envelope?.messageId ?? '');
      return ids;
    } finally {
      lock.release();
    }
  } catch {
    return [];
  } finally {
    await client.logout();
  }
}

describe('sent sign-off emails are filed in Sent', () => {
  it('the request email is appended once to the \\Sent mailbox under its own Message-ID', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const mail = await h.smtp?.message(0);
    if (!mail || !h.imap) throw new Error('no request email');
    const request = await parseCaptured(mail);
    expect(await sentMessageIds(h.imap.port)).toEqual([request.messageId]);
  });
});
