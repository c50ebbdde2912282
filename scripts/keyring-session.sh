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

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "keyring-session: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 127; }
done
daemon="$(command -v gnome-keyring-daemon)"

# Not named plume-* so a clean-up of Plume's own temp folders cannot pull the keyring from
# under a running session (gnome-keyring quits when its folder goes).
root="$(mktemp -d "${TMPDIR:-/tmp}/keyring-session.XXXXXX")"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/data" "$root/run" "$root/services"
chmod 700 "$root" "$root/run"

# Set before the bus starts, so the bus and anything it starts see the private folders: a
# keyring started on demand never opens the user's own ~/.local/share/keyrings.
export XDG_DATA_HOME="$root/data" XDG_RUNTIME_DIR="$root/run"

(umask 077 && head -c 24 /dev/urandom | base64 | tr -d '\n' >"$root/password")

# The one way this bus starts a Secret Service: this folder's keyring, unlocked with its password
# (--unlock reads it on stdin; the first start creates the "login" collection with it). Should the
# daemon stop mid-run, the next keychain call starts it again on the same, unlocked collection
# instead of the system's service file starting a locked keyring elsewhere.
cat >"$root/start-keyring.sh" <<SCRIPT
#!/bin/sh
exec "$daemon" --foreground --unlock --components=secrets <"$root/password"
SCRIPT
chmod 700 "$root/start-keyring.sh"
cat >"$root/services/org.freedesktop.secrets.service" <<SERVICE
[D-BUS Service]
Name=org.freedesktop.secrets
Exec=/bin/sh $root/start-keyring.sh
SERVICE
cat >"$root/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$root/run</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$root/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <limit name="service_start_timeout">60000</limit>
  <!-- A desktop's session bus limits (Debian's session.conf), not dbus-daemon's built-in 256 per
       user: a test process that holds many cores in turn holds as many store connections. -->
  <limit name="max_completed_connections">100000</limit>
  <limit name="max_incomplete_connections">10000</limit>
  <limit name="max_connections_per_user">100000</limit>
</busconfig>
CONF

# Inside the bus: start the keyring now (activation by name), wait until it owns the Secret
# Service name, and fail loudly if it never does. Tests check PLUME_KEYRING_SESSION to be sure
# they write to this throw-away keyring, never the user's own.
inner='
set -euo pipefail
dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.StartServiceByName string:org.freedesktop.secrets uint32:0 >/dev/null \
  || { echo "keyring-session: gnome-keyring did not start on the private bus" >&2; exit 1; }
export PLUME_KEYRING_SESSION=1
exec "$@"
'
status=0
dbus-run-session --config-file="$root/bus.conf" -- bash -c "$inner" keyring-session "$@" || status=$?
exit "$status"
