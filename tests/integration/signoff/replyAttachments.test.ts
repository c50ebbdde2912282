import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentFolder } from '../../../electron/core/records/attachmentStore';
import { verifyRecord } from '../../../electron/core/records/verifyRecord';
import { MAX_ATTACHMENT_BYTES } from '../../../electron/core/signoff/replyAttachments';
import { MANIFEST, MANIFEST_HASH, Manifest } from '../../../shared/records/exportFormat';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { attachmentsOf } from '../../../shared/signoff/replyAttachments';
import { tempDir } from '../../support/tempDir';
import { WORKSTATION, parseCaptured, startHarness } from './harness';
import type { Harness, ParsedRequest } from './harness';

/**
 * The files a partner's reply carries (a scanned PDF, a marked-up image) are kept in the
 * workspace by their SHA-256, or listed as too large — never dropped in silence — and travel
 * with the sign-off record. Real SMTP and a real Dovecot on loopback.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PARTNER = 'claire.dupont@example.org';
const MB = 1024 * 1024;
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const history = (postId: string): Promise<AuditEntry[]> => h.call('signoff.history', { postId });

async function requested(): Promise<{ postId: string; request: ParsedRequest }> {
  const partner = await h.partner();
  const post = await h.post(partner.id, 'Trois points essentiels sur la réforme.');
  await h.call('signoff.request', { postId: post.id });
  await h.tick();
  const mail = await h.smtp?.message(0);
  if (!mail) throw new Error('no request email');
  return { postId: post.id, request: await parseCaptured(mail) };
}

/** A reply as Apple Mail sends it from an iPhone: text, then the files inline. */
async function replyWith(request: ParsedRequest, text: string, attachments: { filename: string; contentType: string; content: Buffer }[], from = PARTNER): Promise<Buffer> {
  return new MailComposer({
    from,
    to: WORKSTATION,
    subject: `Re: ${request.subject}`,
    inReplyTo: request.messageId,
    references: [request.messageId],
    text,
    attachments: attachments.map((a) => ({ ...a, contentDisposition: 'inline' as const })),
  })
    .compile()
    .build();
}


const replyFact = async (postId: string) => (await history(postId)).findLast((e) => e.action === 'replyReceived' || e.action === 'replyRejected');

describe('attachments of a partner’s reply', () => {
  it('"Validé" with a 6 MB scanned PDF approves and keeps the PDF byte for byte under its SHA-256', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(6 * MB)]);
    const raw = await replyWith(request, 'Validé\n\nEnvoyé de mon iPhone', [{ filename: 'Contrat signé.pdf', contentType: 'application/pdf', content: pdf }]);
    expect(raw.length).toBeGreaterThan(5 * MB);
    await h.deliver(raw);

    expect(['approved', 'scheduled']).toContain((await h.call('signoff.status', { postId })).status);
    const fact = await replyFact(postId);
    expect(fact).toMatchObject({ action: 'replyReceived', details: { applied: true, decision: 'approve' } });
    expect(attachmentsOf(fact?.details ?? {})).toEqual([{ name: 'Contrat signé.pdf', type: 'application/pdf', bytes: pdf.length, status: 'kept', sha256: sha256(pdf) }]);
    expect(sha256(readFileSync(join(attachmentFolder(h.dir), sha256(pdf))))).toBe(sha256(pdf));
    // Nothing half-written left beside it.
    expect(readdirSync(attachmentFolder(h.dir))).toEqual([sha256(pdf)]);

    const file = await h.call('signoff.attachment', { postId, sha256: sha256(pdf) });
    expect(file).toMatchObject({ fileName: 'Contrat signé.pdf', mediaType: 'application/pdf', bytes: pdf.length });
    expect(Buffer.from(file.base64, 'base64').equals(pdf)).toBe(true);
  });

  it('a small reply (read whole) keeps its marked-up image too', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const image = randomBytes(300 * 1024);
    await h.deliver(await replyWith(request, 'Voir mes annotations sur la capture.', [{ filename: 'annotations.png', contentType: 'image/png', content: image }]));
    expect((await h.call('signoff.status', { postId })).status).toBe('changes_requested');
    expect(attachmentsOf((await replyFact(postId))?.details ?? {})).toEqual([{ name: 'annotations.png', type: 'image/png', bytes: image.length, status: 'kept', sha256: sha256(image) }]);
  });

  it('a file over the per-attachment limit is listed as too large, not kept, and the approval still applies', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    const video = randomBytes(MAX_ATTACHMENT_BYTES + MB);
    const small = Buffer.from('%PDF-1.4 annexe');
    await h.deliver(
      await replyWith(request, 'OK pour moi', [
        { filename: 'video.mov', contentType: 'video/quicktime', content: video },
        { filename: 'annexe.pdf', contentType: 'application/pdf', content: small },
      ]),
    );
    expect(['approved', 'scheduled']).toContain((await h.call('signoff.status', { postId })).status);
    const listed = attachmentsOf((await replyFact(postId))?.details ?? {});
    expect(listed).toEqual([
      { name: 'video.mov', type: 'video/quicktime', bytes: expect.any(Number) as number, status: 'tooLarge', sha256: null },
      { name: 'annexe.pdf', type: 'application/pdf', bytes: small.length, status: 'kept', sha256: sha256(small) },
    ]);
    expect(listed[0]?.bytes).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    expect(readdirSync(attachmentFolder(h.dir))).toEqual([sha256(small)]);
  }, 60_000);

  it('a reply from another address than the partner’s stores none of its files', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await requested();
    await h.deliver(await replyWith(request, 'Validé', [{ filename: 'x.pdf', contentType: 'application/pdf', content: randomBytes(1024) }], 'someone.else@example.org'));
    expect(await replyFact(postId)).toMatchObject({ action: 'replyRejected', details: { reason: 'senderMismatch' } });
    expect(existsSync(attachmentFolder(h.dir))).toBe(false);
  });

  it('the sign-off record carries the kept file; verify-record catches it changed or removed', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const out = tempDir('plume-record-attachments-');
    try {
      const { postId, request } = await requested();
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * MB)]);
      await h.deliver(await replyWith(request, 'Validé', [{ filename: 'scan.pdf', contentType: 'application/pdf', content: pdf }]));
      const record = (await h.call('records.export', { scope: { kind: 'post', postId }, folder: out.path })).path;
      const exported = join(record, 'attachments', sha256(pdf));
      expect(readFileSync(exported).equals(pdf)).toBe(true);
      const manifest = Manifest.parse(JSON.parse(readFileSync(join(record, MANIFEST), 'utf8')));
      expect(manifest.files).toContainEqual({ path: `attachments/${sha256(pdf)}`, sha256: sha256(pdf), bytes: pdf.length });
      expect(verifyRecord(record)).toMatchObject({ ok: true, attachments: 1 });

      // One byte changed.
      const tampered = Buffer.from(pdf);
      tampered[100] = (tampered[100] ?? 0) ^ 0xff;
      writeFileSync(exported, tampered);
      expect(verifyRecord(record).problems.map((p) => p.code)).toEqual(expect.arrayContaining(['fileChanged', 'attachmentChanged']));

      // Removed, and the manifest rewritten to hide it: the chained reply fact still names it.
      rmSync(exported);
      manifest.files = manifest.files.filter((f) => !f.path.startsWith('attachments/'));
      const text = `${JSON.stringify(manifest, null, 2)}\n`;
      writeFileSync(join(record, MANIFEST), text);
      writeFileSync(join(record, MANIFEST_HASH), `${sha256(text)}  ${MANIFEST}\n`);
      const result = verifyRecord(record);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'attachmentMissing', subject: `attachments/${sha256(pdf)}` })]);
      expect(result.problems[0]?.message).toContain('scan.pdf');
    } finally {
      out.remove();
    }
  });
});
