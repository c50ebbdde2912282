import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { tempDir } from './tempDir';

/**
 * A real Dovecot IMAP server (Debian's /usr/sbin/dovecot) on 127.0.0.1, configured in a temp
 * folder: plaintext login, no TLS, one user with a Maildir. As root, login processes run as
 * `dovenull` and mail as `dovecot` (Dovecot refuses root for both); otherwise as the current
 * user. Mail is delivered the way an MTA does: written to tmp/, then renamed into new/.
 */
export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /**
   * Delivers a raw RFC 5322 message to INBOX (or another folder); `receivedAt` sets INTERNALDATE.
   * A Buffer is stored byte for byte (an 8-bit latin1 body stays latin1); a string is stored as UTF-8.
   */
  deliver(raw: string | Buffer, options?: { folder?: 'INBOX' | 'Sent'; receivedAt?: number }): void;
  log(): string;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

function systemUser(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid !== undefined && gid !== undefined ? { uid: Number(uid), gid: Number(gid) } : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function greeting(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error('Dovecot did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<Dovecot> {
  const temp = tempDir('plume-dovecot-');
  const dir = temp.path;
  const user = options.user ?? 'plume@example.org';
  const password = options.password ?? randomBytes(12).toString('hex');
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const mailOwner = root ? systemUser('dovecot') : { uid: me.uid, gid: me.gid };
  const loginUser = root ? 'dovenull' : me.username;
  const internalUser = root ? 'dovecot' : me.username;
  if (!mailOwner || (root && !systemUser('dovenull'))) throw new Error('dovecot/dovenull users missing (apt-get install dovecot-imapd)');

  const maildir = join(dir, 'mail', user);
  for (const sub of ['', 'cur', 'new', 'tmp', '.Sent', '.Sent/cur', '.Sent/new', '.Sent/tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  for (const sub of ['run', 'state', 'home']) mkdirSync(join(dir, sub), { recursive: true });
  const own = (path: string) => {
    if (root) chownSync(path, mailOwner.uid, mailOwner.gid);
  };
  for (const path of [join(dir, 'mail'), maildir, ...['cur', 'new', 'tmp', '.Sent', '.Sent/cur', '.Sent/new', '.Sent/tmp'].map((s) => join(maildir, s)), join(dir, 'home')]) own(path);

  // mkdtemp makes the folder 0700: Dovecot's unprivileged processes must be able to enter it.
  if (root) chmodSync(dir, 0o711);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o600 });
  // The auth process reads the password file as the internal user.
  own(join(dir, 'passwd'));
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
default_internal_user = ${internalUser}
default_internal_group = ${internalUser}
default_login_user = ${loginUser}
first_valid_uid = 1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailOwner.uid} gid=${mailOwner.gid} home=${dir}/home/%u
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
service pop3-login {
  chroot =
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await greeting(port, Date.now() + 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  let sequence = 0;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver(raw, deliverOptions = {}) {
      const folder = deliverOptions.folder === 'Sent' ? join(maildir, '.Sent') : maildir;
      const name = `${Math.floor(Date.now() / 1000)}.P${process.pid}Q${++sequence}.plume-test`;
      const tmp = join(folder, 'tmp', name);
      // Maildir stores LF line ends; the line ends are changed on the bytes, never through a text decoding.
      const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      writeFileSync(tmp, Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\n'), 'latin1'));
      if (deliverOptions.receivedAt !== undefined) {
        const at = new Date(deliverOptions.receivedAt);
        utimesSync(tmp, at, at);
      }
      own(tmp);
      renameSync(tmp, join(folder, 'new', name));
    },
    log: () => {
      try {
        return readFileSync(join(dir, 'dovecot.log'), 'utf8');
      } catch {
        return '';
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      temp.remove();
    },
  };
}
