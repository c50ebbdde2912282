import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream } from 'smtp-server';

export interface CapturedMail {
  raw: string;
  envelopeFrom: string;
  envelopeTo: string[];
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that requires the given login
 * and keeps every message it accepts. `failNext` makes the next DATA fail with an SMTP reply
 * (4xx: try again later, 5xx: permanent), to test what the sender does with it.
 */
export interface TestSmtpServer {
  host: string;
  port: number;
  user: string;
  password: string;
  messages: CapturedMail[];
  /** Resolves with the n-th message (0-based) once it has arrived. */
  message(index: number, timeoutMs?: number): Promise<CapturedMail>;
  failNext(code: number, text: string): void;
  stop(): Promise<void>;
}

const readAll = async (stream: SMTPServerDataStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

export async function startSmtpServer(options: { user?: string; password?: string } = {}): Promise<TestSmtpServer> {
  const user = options.user ?? 'plume@example.org';
  const password = options.password ?? 'smtp-secret';
  const messages: CapturedMail[] = [];
  const failures: { code: number; text: string }[] = [];
  const waiters: (() => void)[] = [];

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      void readAll(stream).then((raw) => {
        const failure = failures.shift();
        if (failure) {
          callback(Object.assign(new Error(failure.text), { responseCode: failure.code }));
          return;
        }
        messages.push({
          raw,
          envelopeFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  // A client gone mid-session (core stopped by the test while its connection was open) resets the
  // socket; smtp-server reports that as the server's 'error', which, unheard, ended the test process
  // with « read ECONNRESET » after a test that had passed.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    messages,
    async message(index, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length <= index) {
        if (Date.now() > deadline) throw new Error(`no message #${index} after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      const found = messages[index];
      if (!found) throw new Error('message vanished');
      return found;
    },
    failNext(code, text) {
      failures.push({ code, text });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
