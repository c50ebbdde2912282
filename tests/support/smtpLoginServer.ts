import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpLoginServer {
  port: number;
  logins: { username: string; ok: boolean }[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server, nodemailer's) on 127.0.0.1 requiring AUTH, to check a mail
 * account's login; plain text on loopback (no TLS certificate to manage), which the test
 * account declares as security "none".
 */
export async function startSmtpLoginServer(user: string, password: string): Promise<SmtpLoginServer> {
  const logins: { username: string; ok: boolean }[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === user && auth.password === password;
      logins.push({ username: auth.username ?? '', ok });
      if (ok) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
  });
  // A client gone mid-session resets its socket, which smtp-server re-emits as the server's 'error' (see smtpServer.ts).
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
