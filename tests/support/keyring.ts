import { SecretServiceKeychain } from '../../electron/core/credentials/keychain';

/**
 * Keychain tests run against the REAL Secret Service that scripts/keyring-session.sh starts
 * (a private D-Bus session with a throw-away gnome-keyring). Outside it they fail loudly —
 * never skip, and never write test secrets into the developer's own keyring.
 */
export function requireSecretService(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session bus, so no Secret Service: run `bash scripts/keyring-session.sh npx vitest run tests/integration/credentials`.',
    );
  }
  if (process.env.PLUME_KEYRING_SESSION !== '1') {
    throw new Error('Not inside scripts/keyring-session.sh: refusing to write test secrets into your own keyring.');
  }
}

export function realKeychain(): SecretServiceKeychain {
  requireSecretService();
  return new SecretServiceKeychain();
}

/** A D-Bus address where nothing listens: the Secret Service is absent. */
export const NO_SESSION_BUS = 'unix:path=/nonexistent/plume-no-session-bus';

/** Points this process at no session bus until the returned function restores it. */
export function withoutSessionBus(): () => void {
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = NO_SESSION_BUS;
  return () => {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  };
}
