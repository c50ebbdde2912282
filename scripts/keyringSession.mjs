/**
 * `[command, args]` run inside a throw-away keychain on Linux (scripts/keyring-session.sh: a
 * private D-Bus session with its own gnome-keyring), as is when already inside one or on
 * macOS/Windows, which have their own store. Tests and benchmarks then use a real Secret Service
 * and never write to the user's own keyring.
 */
export const inKeyringSession = (command, args) =>
  process.platform === 'linux' && !process.env.PLUME_KEYRING_SESSION ? ['bash', ['scripts/keyring-session.sh', command, ...args]] : [command, args];
