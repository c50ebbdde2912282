import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface ImapLoginServer {
  port: number;
  logins: { username: string; ok: boolean }[];
  close(): Promise<void>;
}

/** IMAP quoted string or atom (RFC 3501 §4.3), enough for LOGIN's two arguments. */
function parseArgs(text: string): string[] {
  const args: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    args.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? ''));
  }
  return args;
}

/**
 * A minimal IMAP4rev1 server on 127.0.0.1: greeting, CAPABILITY, LOGIN (RFC 3501 §6.2.3, with
 * RFC 5530's [AUTHENTICATIONFAILED] on a wrong password), NOOP and LOGOUT — what a client
 * needs to check an account's login, and nothing more.
 */
export async function startImapLoginServer(user: string, password: string): Promise<ImapLoginServer> {
  const logins: { username: string; ok: boolean }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    const write = (line: string) => socket.write(`${line}\r\n`);
    write('* OK [CAPABILITY IMAP4rev1 ID] Plume test IMAP ready');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const [tag = '*', command = '', ...rest] = line.split(' ');
        const args = parseArgs(rest.join(' '));
        switch (command.toUpperCase()) {
          case 'CAPABILITY':
            write('* CAPABILITY IMAP4rev1 ID');
            write(`${tag} OK CAPABILITY completed`);
            break;
          case 'ID':
            write('* ID ("name" "plume-test-imap")');
            write(`${tag} OK ID completed`);
            break;
          case 'LOGIN': {
            const ok = args[0] === user && args[1] === password;
            logins.push({ username: args[0] ?? '', ok });
            write(ok ? `${tag} OK [CAPABILITY IMAP4rev1 ID] Logged in` : `${tag} NO [AUTHENTICATIONFAILED] Authentication failed.`);
            break;
          }
          case 'LOGOUT':
            write('* BYE Logging out');
            write(`${tag} OK Logout completed`);
            socket.end();
            break;
          case 'NOOP':
            write(`${tag} OK NOOP completed`);
            break;
          default:
            write(`${tag} BAD Command not supported here`);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
