import { KeychainUnavailableError, SecretServiceKeychain } from '../../../../electron/core/credentials/keychain';
import { sessionDaemon } from './sessionDaemon';

/**
 * Run inside its own scripts/keyring-session.sh (keychainRestart.test.ts): the session's
 * gnome-keyring daemon is killed in the middle of a call (stopped first, so the call is surely
 * waiting on it), as a daemon that crashes or restarts. Prints one JSON line of what it saw.
 */
const SERVICE = 'Plume-killed-keyring';
const keychain = new SecretServiceKeychain({ timeoutMs: 8_000 });
const outcome = async (call: Promise<unknown>): Promise<string> => {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return error instanceof KeychainUnavailableError ? `${error.name}: ${String(error.cause)}` : String(error);
  }
};

await keychain.set(SERVICE, 'token', 'before-the-crash');
const daemon = sessionDaemon();
process.kill(daemon, 'SIGSTOP');
const during = outcome(keychain.set(SERVICE, 'token', 'set-while-it-died'));
await new Promise((resolve) => setTimeout(resolve, 400));
process.kill(daemon, 'SIGKILL');
const setWhileItDied = await during;
const readBack = await keychain.get(SERVICE, 'token');
await keychain.delete(SERVICE, 'token');
console.log(JSON.stringify({ setWhileItDied, readBack, restarted: sessionDaemon() !== daemon }));
process.exit(0);
