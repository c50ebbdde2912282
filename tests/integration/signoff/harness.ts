import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser } from 'mailparser';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/app';
import type { Keychain } from '../../../electron/core/credentials/keychain';
import { createLogger } from '../../../electron/core/log';
import type { MailAccountSource, MailSettings, MailTimeouts } from '../../../electron/core/mail/settings';
import { noMailAccount } from '../../../electron/core/mail/settings';
import type { OutboxOptions } from '../../../electron/core/outbox/worker';
import type { TickReport } from '../../../electron/core/scheduler/scheduler';
import type { AppEvent, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Partner, PartnerInput } from '../../../shared/partners/schema';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { startDovecot } from '../../support/dovecot';
import type { Dovecot } from '../../support/dovecot';
import { startSmtpServer } from '../../support/smtpServer';
import type { CapturedMail, TestSmtpServer } from '../../support/smtpServer';
import { tempDir } from '../../support/tempDir';
import { ManualClock } from '../../support/testCore';

/** The keychain's contract, in memory: the signing key must live somewhere that is not SQLite. */
export class MemoryKeychain implements Keychain {
  readonly items = new Map<string, string>();
  set(service: string, account: string, secret: string): Promise<void> {
    this.items.set(`${service}\u0000${account}`, secret);
    return Promise.resolve();
  }
  get(service: string, account: string): Promise<string | null> {
    return Promise.resolve(this.items.get(`${service}\u0000${account}`) ?? null);
  }
  delete(service: string, account: string): Promise<boolean> {
    return Promise.resolve(this.items.delete(`${service}\u0000${account}`));
  }
}

export const WORKSTATION = 'plume@example.org';
export const HOUR = 3_600_000;

export interface Harness {
  core: Core;
  clock: ManualClock;
  dir: string;
  smtp: TestSmtpServer | null;
  imap: Dovecot | null;
  keychain: MemoryKeychain;
  events: AppEvent[];
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  tick(): Promise<TickReport>;
  /** Drops a message into the workstation's INBOX the way an MTA does (a Buffer byte for byte, a string as UTF-8), then lets core read it; throws unless the inbox was read. */
  deliver(raw: string | Buffer): Promise<void>;
  partner(fields?: Partial<PartnerInput>): Promise<Partner>;
  post(partnerId: string, text: string, options?: { networks?: Network[]; scheduledAt?: number | null; title?: string }): Promise<Post>;
  edit(postId: string, text: string): Promise<Post>;
  /** Reopens core on the same folder (a restart), keeping servers and keychain. */
  restart(options?: { outbox?: OutboxOptions }): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  smtp?: boolean;
  imap?: boolean;
  outbox?: OutboxOptions;
  /** The account's SMTP server name instead of 127.0.0.1 (a `.invalid` one never resolves); the account is configured even without servers. */
  smtpHost?: string;
  /** The account's SMTP port instead of the test server's (a loopback server of the test's own). */
  smtpPort?: number;
  /** The account's mail timeouts, shortened for a server that stays silent. */
  mailTimeoutsMs?: MailTimeouts;
  /** The background loop's interval, for tests that start it (default 30 s). */
  schedulerIntervalMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const temp = tempDir('plume-signoff-');
  const password = 'mail-secret-not-logged';
  const imap = options.imap ? await startDovecot({ user: WORKSTATION, password }) : null;
  const smtp = options.smtp ? await startSmtpServer({ user: WORKSTATION, password }) : null;
  const settings: MailSettings = {
    smtp: { host: options.smtpHost ?? '127.0.0.1', port: options.smtpPort ?? smtp?.port ?? 1, security: 'none' },
    imap: { host: '127.0.0.1', port: imap?.port ?? 1, security: 'none' },
    username: WORKSTATION,
    fromAddress: WORKSTATION,
    fromName: 'Plume — Cabinet Arcand',
    ...(options.mailTimeoutsMs === undefined ? {} : { timeoutsMs: options.mailTimeoutsMs }),
  };
  const mail: MailAccountSource = smtp || imap || options.smtpHost !== undefined || options.smtpPort !== undefined ? { settings: () => settings, password: () => Promise.resolve(password) } : noMailAccount;
  const clock = new ManualClock();
  const keychain = new MemoryKeychain();
  const events: AppEvent[] = [];
  const open = (outbox?: OutboxOptions) => {
    const core = createCore({
      dataDir: temp.path,
      clock,
      // plume.log in the workspace, as the app writes it, for tests about what gets logged.
      logger: createLogger({ file: join(temp.path, 'plume.log') }),
      keychain,
      signoff: {
        mail,
        outbox: { random: () => 0.5, ...(outbox ?? options.outbox) },
        ...(options.schedulerIntervalMs !== undefined ? { schedulerIntervalMs: options.schedulerIntervalMs } : {}),
      },
    });
    core.events.subscribe((event) => events.push(event));
    return core;
  };
  let core = open();

  const call = async <K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> => {
    const result = await core.router.call(name, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as ProcedureOutput<K>;
  };

  const harness: Harness = {
    get core() {
      return core;
    },
    clock,
    dir: temp.path,
    smtp,
    imap,
    keychain,
    events,
    call,
    tick: () => core.scheduler.tick(clock.now()),
    async deliver(raw) {
      if (!imap) throw new Error('this test needs Dovecot');
      imap.deliver(raw, { receivedAt: clock.now() });
      const report = await core.scheduler.tick(clock.now());
      if (report.inbox !== 'read') throw new Error(`the inbox was not read: ${report.inbox}`);
    },
    partner: (fields = {}) =>
      call('partners.create', {
        displayName: 'Me Claire Dupont',
        role: 'Associée',
        organisation: 'Cabinet Arcand',
        timeZone: 'Europe/Paris',
        locale: 'fr',
        signoffEmail: 'claire.dupont@example.org',
        ...fields,
      }),
    post: (partnerId, text, postOptions = {}) =>
      call('posts.create', {
        partnerId,
        title: postOptions.title ?? 'Réforme du droit des contrats',
        networks: postOptions.networks ?? ['linkedin', 'x'],
        content: docFromParagraphs(text.split('\n')),
        scheduledAt: postOptions.scheduledAt === undefined ? clock.now() + 72 * HOUR : postOptions.scheduledAt,
      }),
    edit: async (postId, text) => {
      const current = await call('posts.get', { id: postId });
      return call('posts.save', { id: postId, baseVersion: current.version, content: docFromParagraphs(text.split('\n')) });
    },
    restart(restartOptions = {}) {
      core.close();
      core = open(restartOptions.outbox);
    },
    async close() {
      core.close();
      await smtp?.stop();
      await imap?.stop();
      temp.remove();
    },
  };
  return harness;
}

// ── building replies the way mail clients do ──────────────────────────────────────────────

/** A text quoted as Apple Mail and Gmail quote it ("> ", a bare ">" on blank lines). */
export const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');

export interface ParsedRequest {
  messageId: string;
  subject: string;
  text: string;
  html: string;
  approveHref: string;
  changesHref: string;
}

export async function parseCaptured(mail: CapturedMail): Promise<ParsedRequest> {
  const parsed = await simpleParser(mail.raw);
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const hrefs = [...html.matchAll(/href="(mailto:[^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  return {
    messageId: parsed.messageId ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html,
    approveHref: hrefs.find((h) => /plume1\.a\./.test(h)) ?? '',
    changesHref: hrefs.find((h) => /plume1\.c\./.test(h)) ?? '',
  };
}

/**
 * One harness (real SMTP and Dovecot, and the partner) for a whole test file, closed after it:
 * for files whose tests each request sign-off on a post of their own.
 */
export function harnessPerFile(started: (h: Harness) => void): void {
  let harness: Harness | null = null;
  beforeAll(async () => {
    harness = await startHarness({ smtp: true, imap: true });
    await harness.partner();
    started(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });
}

export interface RequestedByEmail {
  postId: string;
  request: ParsedRequest;
  /** The request email as the SMTP server received it. */
  raw: string;
}

/** A post of the harness's (first) partner, created on first use, or of the one given; its sign-off requested and the email sent. */
export async function requestedByEmail(h: Harness, text: string, title = 'Réforme du droit des contrats', partnerId?: string): Promise<RequestedByEmail> {
  const partners = await h.call('partners.list', { includeArchived: false });
  const partner = partnerId ?? partners[0]?.id ?? (await h.partner()).id;
  const post = await h.post(partner, text, { title });
  await h.call('signoff.request', { postId: post.id });
  const index = h.smtp?.messages.length ?? 0;
  await h.tick();
  const mail = await h.smtp?.message(index);
  if (!mail) throw new Error('no request email');
  return { postId: post.id, request: await parseCaptured(mail), raw: mail.raw };
}

/** What a mail client pre-fills from a mailto: link. */
export function openMailto(href: string): { to: string; subject: string; body: string } {
  const url = new URL(href);
  return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject') ?? '', body: (url.searchParams.get('body') ?? '').replace(/\r\n/g, '\n') };
}

export interface ReplyFields {
  from: string;
  subject: string;
  text?: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  messageId?: string;
}

let replyCounter = 0;

export async function composeReply(fields: ReplyFields): Promise<string> {
  const composer = new MailComposer({
    from: fields.from,
    to: WORKSTATION,
    subject: fields.subject,
    ...(fields.text !== undefined ? { text: fields.text } : {}),
    ...(fields.html !== undefined ? { html: fields.html } : {}),
    messageId: fields.messageId ?? `<reply-${++replyCounter}-${Date.now()}@client.example>`,
    ...(fields.inReplyTo !== undefined ? { inReplyTo: fields.inReplyTo } : {}),
    ...(fields.references !== undefined ? { references: fields.references } : {}),
    ...(fields.headers !== undefined ? { headers: fields.headers } : {}),
  });
  const raw = await composer.compile().build();
  return raw.toString('utf8');
}

/** A button reply: the mailto's subject and body, plus whatever the partner typed above. */
export async function buttonReply(href: string, from: string, typed = ''): Promise<string> {
  const draft = openMailto(href);
  return composeReply({ from, subject: draft.subject, text: typed === '' ? draft.body : `${typed}\n\n${draft.body}` });
}

export type QuoteStyle = 'gmail-fr' | 'apple-fr' | 'outlook-fr' | 'gmail-en';

/** A plain reply to the request, quoting it (so both tokens are in the quoted part). */
export async function plainReply(request: ParsedRequest, from: string, body: string, style: QuoteStyle, options: { html?: boolean } = {}): Promise<string> {
  const quoted = request.text.split('\n').map((line) => `> ${line}`).join('\n');
  const header =
    style === 'gmail-fr'
      ? `Le lun. 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n\n${quoted}`
      : style === 'apple-fr'
        ? `> Le 24 nov. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n> \n${quoted}`
        : style === 'outlook-fr'
          ? `________________________________\nDe : Plume <${WORKSTATION}>\nEnvoyé : lundi 24 novembre 2026 10:00\nÀ : ${from}\nObjet : ${request.subject}\n\n${request.text}`
          : `On Mon, Nov 24, 2026 at 10:00 AM Plume <${WORKSTATION}> wrote:\n\n${quoted}`;
  const common = { from, subject: `Re: ${request.subject}`, inReplyTo: request.messageId, references: [request.messageId] };
  if (options.html) {
    const html =
      `<div dir="ltr">${body.split('\n').map((l) => `<div>${l}</div>`).join('')}</div><br>` +
      `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Le lun. 24 nov. 2026 à 10:00, Plume &lt;${WORKSTATION}&gt; a écrit&nbsp;:<br></div>` +
      `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">` +
      `${request.html.replace(/<!doctype[^>]*>|<\/?(html|body)[^>]*>/gi, '')}</blockquote></div>`;
    return composeReply({ ...common, html });
  }
  return composeReply({ ...common, text: `${body}\n\n${header}\n` });
}
