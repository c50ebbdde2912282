#!/usr/bin/env bash
# Runs a command against a REAL Secret Service: a private D-Bus session bus
# (dbus-run-session) with a fresh gnome-keyring whose "login" collection is created and
# unlocked with a random, non-empty password. The keyring lives in a temp folder
# (XDG_DATA_HOME), so runs never touch the user's own keyring and leave nothing behind.
#
#   bash scripts/keyring-session.sh npx vitest run tests/integration/credentials
#
# Needs dbus (dbus-run-session) and gnome-keyring (Debian: dbus, gnome-keyring; see .ci/run).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args…]" >&2
  exit 2
fi

if [ "${PLUME_KEYRING_INNER:-}" != "1" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "keyring-session: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 127; }
  done
  root="$(mktemp -d "${TMPDIR:-/tmp}/plume-keyring.XXXXXX")"
  trap 'rm -rf "$root"' EXIT
  status=0
  PLUME_KEYRING_INNER=1 PLUME_KEYRING_ROOT="$root" dbus-run-session -- bash "$0" "$@" || status=$?
  exit "$status"
fi

# Inside the private session bus.
root="$PLUME_KEYRING_ROOT"
unset PLUME_KEYRING_INNER PLUME_KEYRING_ROOT
export XDG_DATA_HOME="$root/data" XDG_RUNTIME_DIR="$root/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads the password on stdin, creates the "login" collection (the default one) with it
# and unlocks it; the daemon stays on the session bus until dbus-run-session ends.
password="$(head -c 24 /dev/urandom | base64)"
printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
unset password

# Tests check this to be sure they write to this throw-away keyring, never the user's own.
export PLUME_KEYRING_SESSION=1
exec "$@"
