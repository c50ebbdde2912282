import { KeychainUnavailableError, SecretServiceKeychain } from '../../../../electron/core/credentials/keychain';
import { sessionDaemon } from './sessionDaemon';

/**
 * Run inside its own scripts/keyring-session.sh (keychainHang.test.ts): stops this session's
 * gnome-keyring daemon (SIGSTOP, as a wedged daemon that never answers) before any keychain call,
 * calls the keychain, resumes the daemon and calls again. Prints one JSON line of what it saw.
 */
const SERVICE = 'Plume-stopped-keyring';
const DEADLINE_MS = 1_500;

const failure = async (call: Promise<unknown>): Promise<{ error: string; ms: number }> => {
  const started = Date.now();
  try {
    await call;
    return { error: 'none', ms: Date.now() - started };
  } catch (error) {
    return { error: error instanceof KeychainUnavailableError ? error.name : String(error), ms: Date.now() - started };
  }
};

const keychain = new SecretServiceKeychain({ timeoutMs: DEADLINE_MS });
// Stopped before this process's first call: the Secret Service session is then opened, and is kept
// for the process once it is, so this is the call that waited on D-Bus on core's own thread.
const daemon = sessionDaemon();

// Core's thread must stay free: a timer every 50 ms measures the longest time it was kept waiting.
let last = Date.now();
let longestWait = 0;
const ticker = setInterval(() => {
  const now = Date.now();
  longestWait = Math.max(longestWait, now - last);
  last = now;
}, 50);

process.kill(daemon, 'SIGSTOP');
const whileStopped = await failure(keychain.get(SERVICE, 'token'));
const nextWhileStopped = await failure(keychain.get(SERVICE, 'token'));
process.kill(daemon, 'SIGCONT');
clearInterval(ticker);
// A thread blocked the whole time never ran the timer at all: the wait up to now counts too.
longestWait = Math.max(longestWait, Date.now() - last);
await keychain.set(SERVICE, 'token', 'secret-after-the-stop');
const afterResume = await keychain.get(SERVICE, 'token');
await keychain.delete(SERVICE, 'token');
process.stdout.write(`${JSON.stringify({ deadlineMs: DEADLINE_MS, whileStopped, nextWhileStopped, longestWait, afterResume })}\n`);
// The threads left on the stopped daemon's calls end once D-Bus gives up on them; no need to wait.
process.exit(0);
