import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../../electron/core/audit/repository';
import { verifyRecord } from '../../../electron/core/records/verifyRecord';
import type { RecordProblemCode } from '../../../electron/core/records/verifyRecord';
import { emlFolder } from '../../../electron/core/records/messageArchive';
import { CHAIN_FILE, MANIFEST, MANIFEST_HASH, PUBLISHED_FILE } from '../../../shared/records/exportFormat';
import { buttonReply, parseCaptured, startHarness } from '../signoff/harness';
import type { Harness } from '../signoff/harness';
import { tempDir } from '../../support/tempDir';

/**
 * The firm's sign-off record, end to end: a request sent through a real SMTP server, the
 * partner's Approve reply read from a real Dovecot, the raw messages kept, the record
 * exported and checked offline — and every kind of tampering with it caught and named.
 */

const PARTNER = 'claire.dupont@example.org';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

let h: Harness;
let out: { path: string; remove: () => void };
let postId = '';
let partnerId = '';
let sentRaw = '';
let record = '';

beforeAll(async () => {
  h = await startHarness({ smtp: true, imap: true });
  out = tempDir('plume-record-');
  const partner = await h.partner();
  partnerId = partner.id;
  // Another partner's post, created in between: its entries sit inside the chain segment.
  const other = await h.partner({ displayName: 'Me Paul Martin', signoffEmail: 'paul.martin@example.org' });
  const post = await h.post(partner.id, 'Trois points essentiels sur la réforme.\nLe juge peut réviser le contrat.');
  postId = post.id;
  await h.call('signoff.request', { postId });
  await h.tick();
  const mail = await h.smtp?.message(0);
  if (!mail) throw new Error('no request email');
  sentRaw = mail.raw;
  const request = await parseCaptured(mail);
  await h.post(other.id, 'Un autre sujet, un autre client.');
  h.imap?.deliver(await buttonReply(request.approveHref, PARTNER), { receivedAt: h.clock.now() });
  await h.tick();
  const status = await h.call('signoff.status', { postId });
  expect(status.approvalValid).toBe(true);
  // The publisher's fact, appended as it does (a second connection on the core's file, WAL).
  const db = new Database(h.core.databasePath);
  new AuditRepository(db).append({
    postId,
    partnerId,
    at: h.clock.now(),
    actor: { kind: 'system', name: '' },
    action: 'published',
    fromStatus: 'scheduled',
    toStatus: 'published',
    revisionNumber: status.revisionNumber,
    revisionHash: status.currentHash,
    channel: 'system',
    details: { network: 'linkedin', remoteId: 'urn:li:share:42', url: 'https://www.linkedin.com/feed/update/urn:li:share:42' },
  });
  db.close();
  record = (await h.call('records.export', { scope: { kind: 'post', postId }, folder: out.path })).path;
}, 120_000);

afterAll(async () => {
  await h.close();
  out.remove();
});

/** A fresh copy of the exported record to tamper with. */
function copy(): string {
  const target = join(out.path, `tampered-${Math.random().toString(36).slice(2)}`);
  cpSync(record, target, { recursive: true });
  return target;
}
const only = (folder: string, sub: string, suffix: string): string => {
  const name = readdirSync(join(folder, sub)).find((n) => n.endsWith(suffix));
  if (name === undefined) throw new Error(`no ${suffix} in ${sub}`);
  return join(folder, sub, name);
};
const codes = (folder: string): { code: RecordProblemCode; subject: string }[] =>
  verifyRecord(folder).problems.map(({ code, subject }) => ({ code, subject }));

describe('raw sign-off messages kept in the workspace', () => {
  it('keeps the request email byte for byte as the SMTP server received it, referenced from the sent entry', async () => {
    const history = await h.call('signoff.history', { postId });
    const sent = history.find((e) => e.action === 'signoffEmailSent');
    const eml = String(sent?.details.eml);
    expect(eml).toBe(sha256(sentRaw));
    expect(readFileSync(join(emlFolder(h.dir), `${eml}.eml`), 'utf8')).toBe(sentRaw);
  });

  it('keeps the partner’s reply as read from IMAP, with the token, on the approval entry', async () => {
    const history = await h.call('signoff.history', { postId });
    const approve = history.find((e) => e.action === 'approve');
    const eml = String(approve?.details.eml);
    const raw = readFileSync(join(emlFolder(h.dir), `${eml}.eml`));
    expect(sha256(raw)).toBe(eml);
    expect(raw.toString('utf8')).toContain(`From: ${PARTNER}`);
    expect(String(approve?.details.token)).toMatch(/^plume1\.a\./);
    expect((await simpleParser(raw)).text).toContain(String(approve?.details.token));
  });
});

describe('exported sign-off record', () => {
  it('holds the approved revision as hashed, the evidence, the messages, the audit entries and a manifest, and verifies offline', async () => {
    const status = await h.call('signoff.status', { postId });
    const hash = status.approvedHash ?? '';
    const text = readFileSync(join(record, 'revisions', `${hash}.txt`), 'utf8');
    expect(sha256(text)).toBe(hash);
    expect(text).toContain('Le juge peut réviser le contrat.');
    const evidence = JSON.parse(readFileSync(only(record, 'evidence', '.json'), 'utf8')) as Record<string, unknown>;
    expect(evidence).toMatchObject({ postId, revisionHash: hash, channel: 'email' });
    expect(String(evidence.token)).toMatch(/^plume1\.a\./);
    expect(existsSync(join(record, 'messages', `${String(evidence.replyEml)}.eml`))).toBe(true);
    expect(existsSync(join(record, 'messages', `${sha256(sentRaw)}.eml`))).toBe(true);
    const chain = JSON.parse(readFileSync(join(record, CHAIN_FILE), 'utf8')) as { entries: ({ row?: Record<string, unknown> } & { withheld?: boolean })[] };
    expect(chain.entries.filter((e) => e.row).every((e) => e.row?.post_id === postId)).toBe(true);
    expect(chain.entries.some((e) => e.withheld)).toBe(true);
    expect(JSON.parse(readFileSync(join(record, PUBLISHED_FILE), 'utf8'))).toEqual([
      expect.objectContaining({ postId, network: 'linkedin', url: 'https://www.linkedin.com/feed/update/urn:li:share:42' }),
    ]);
    expect(readFileSync(join(record, MANIFEST_HASH), 'utf8')).toBe(`${sha256(readFileSync(join(record, MANIFEST)))}  ${MANIFEST}\n`);
    expect(verifyRecord(record)).toMatchObject({ ok: true, revisions: 1, approvals: 1, problems: [] });
  });

  it('writes each export into a new folder, even twice in the same second', async () => {
    const again = await h.call('records.export', { scope: { kind: 'post', postId }, folder: out.path });
    expect(again.path).toBe(`${record}-2`);
    expect(verifyRecord(again.path).ok).toBe(true);
  });

  it('exports a partner’s record and a month’s record that verify too', async () => {
    const partner = await h.call('records.export', { scope: { kind: 'partner', partnerId }, folder: out.path });
    expect(partner.approvals).toBe(1);
    expect(verifyRecord(partner.path).ok).toBe(true);
    const month = await h.call('records.export', { scope: { kind: 'month', month: '2026-11' }, folder: out.path });
    expect(month.approvals).toBeGreaterThanOrEqual(1);
    expect(verifyRecord(month.path).ok).toBe(true);
  });

  it('names a revision whose text was changed', () => {
    const folder = copy();
    const file = only(folder, 'revisions', '.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('réviser', 'résilier'));
    const name = `revisions/${file.split('/').at(-1) ?? ''}`;
    expect(codes(folder)).toEqual(expect.arrayContaining([{ code: 'fileChanged', subject: name }, { code: 'revisionTextChanged', subject: name }]));
  });

  it('names a reply .eml that was changed', () => {
    const folder = copy();
    const evidence = JSON.parse(readFileSync(only(folder, 'evidence', '.json'), 'utf8')) as { replyEml: string };
    const file = join(folder, 'messages', `${evidence.replyEml}.eml`);
    appendFileSync(file, 'P.S. Finalement non.\r\n');
    expect(codes(folder)).toContainEqual({ code: 'fileChanged', subject: `messages/${evidence.replyEml}.eml` });
  });

  it('names a manifest that was changed, even when the files it lists still match', () => {
    const folder = copy();
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as { createdAt: number };
    manifest.createdAt += 86_400_000;
    writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest, null, 2));
    expect(codes(folder)).toEqual([{ code: 'manifestChanged', subject: MANIFEST }]);
  });

  it('names a deleted file', () => {
    const folder = copy();
    const file = only(folder, 'evidence', '.json');
    rmSync(file);
    expect(codes(folder)).toContainEqual({ code: 'fileMissing', subject: `evidence/${file.split('/').at(-1) ?? ''}` });
  });

  it('names an added file', () => {
    const folder = copy();
    writeFileSync(join(folder, 'revisions', 'note.txt'), 'Approuvé aussi par téléphone.');
    expect(codes(folder)).toEqual([{ code: 'fileAdded', subject: 'revisions/note.txt' }]);
  });

  it('names audit entries put out of order, even when the manifest was rewritten to match', () => {
    const folder = copy();
    const path = join(folder, CHAIN_FILE);
    const chain = JSON.parse(readFileSync(path, 'utf8')) as { entries: { id: number }[] };
    const [a, b] = [chain.entries[1], chain.entries[2]];
    if (!a || !b) throw new Error('chain too short');
    chain.entries[1] = { ...b, id: a.id };
    chain.entries[2] = { ...a, id: b.id };
    const text = JSON.stringify(chain, null, 2);
    writeFileSync(path, text);
    // The forger also fixes the manifest and its hash: the chain still gives it away.
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as { files: { path: string; sha256: string; bytes: number }[] };
    manifest.files = manifest.files.map((f) => (f.path === CHAIN_FILE ? { ...f, sha256: sha256(text), bytes: Buffer.byteLength(text) } : f));
    const manifestText = JSON.stringify(manifest, null, 2);
    writeFileSync(join(folder, MANIFEST), manifestText);
    writeFileSync(join(folder, MANIFEST_HASH), `${sha256(manifestText)}  ${MANIFEST}\n`);
    const problems = codes(folder);
    expect(problems).toContainEqual({ code: 'audit.reordered', subject: `audit entry #${a.id}` });
    expect(problems.every((p) => p.code.startsWith('audit.'))).toBe(true);
  });

  it('names an audit entry whose content was edited in the export', () => {
    const folder = copy();
    const path = join(folder, CHAIN_FILE);
    const chain = JSON.parse(readFileSync(path, 'utf8')) as { entries: { id: number; row?: Record<string, unknown> }[] };
    const approve = chain.entries.find((e) => e.row?.action === 'approve');
    if (!approve?.row) throw new Error('no approve entry');
    approve.row.actor_name = 'Me Quelqu’un d’autre';
    writeFileSync(path, JSON.stringify(chain, null, 2));
    expect(codes(folder)).toEqual(
      expect.arrayContaining([{ code: 'fileChanged', subject: CHAIN_FILE }, { code: 'audit.edited', subject: `audit entry #${approve.id}` }]),
    );
  });

  it('npm run verify-record checks a record without Plume: exit 0 when intact, 1 naming the change when not', () => {
    const intact = spawnSync('npm', ['run', '--silent', 'verify-record', '--', record], { encoding: 'utf8' });
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/^OK: record intact/);
    const folder = copy();
    renameSync(only(folder, 'revisions', '.json'), join(folder, 'moved.json'));
    const broken = spawnSync('npm', ['run', '--silent', 'verify-record', '--', folder], { encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('[fileMissing]');
    expect(broken.stdout).toContain('[fileAdded] moved.json is not part of the record');
  });
});

describe('the live audit log, checked through the contract', () => {
  it('reports the log verified with its number of entries', async () => {
    const db = new Database(h.core.databasePath, { readonly: true });
    const count = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    db.close();
    expect(await h.call('records.verifyAuditLog', {})).toMatchObject({ ok: true, entries: count, problems: [] });
  });

  it('names the approval entry rewritten with sqlite3 after the triggers were dropped', async () => {
    const db = new Database(h.core.databasePath);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const id = db.prepare("SELECT id FROM audit_log WHERE post_id = ? AND action = 'approve'").pluck().get(postId) as number;
    db.prepare("UPDATE audit_log SET at = at - 86400000 WHERE id = ?").run(id);
    db.close();
    expect(await h.call('records.verifyAuditLog', {})).toMatchObject({ ok: false, problems: [{ kind: 'edited', id }] });
  });
});
