#!/usr/bin/env bash
# Runs every test of the repository against real backends:
#   - PostgreSQL (Debian's package) on loopback, beside the embedded sqlite default;
#   - an unprivileged libvirt daemon (libvirt's test driver and qemu:///session);
#   - an all-in-one OpenStack (Debian's packages, Nova FakeDriver), from ../shared/backends.
# Installs what is missing when run as root with apt; starts each backend in a private state
# directory and stops it on exit. Backends that cannot be had are reported and their tests skip
# (CI sets ACCORDS_REQUIRE_BACKENDS=1, which turns a missing backend into a failure).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED_BACKENDS=${ACCORDS_BACKENDS_DIR:-$ROOT/../shared/backends}
STATE=$(mktemp -d /tmp/accords-test.XXXXXX)
chmod 755 "$STATE"
REQUIRE=${ACCORDS_REQUIRE_BACKENDS:-0}
log() { printf '\n[test-all] %s\n' "$*"; }
fail_or_warn() { if [ "$REQUIRE" = 1 ]; then echo "[test-all] ERROR: $*" >&2; exit 1; else echo "[test-all] WARNING: $*" >&2; fi; }

cleanup() {
  set +e
  [ -n "${PG_BIN:-}" ] && [ -d "$STATE/pg/data" ] && su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $STATE/pg/data -m immediate stop" >/dev/null 2>&1
  [ -d "$STATE/libvirt" ] && STATE="$STATE/libvirt" bash "$SHARED_BACKENDS/libvirt/down.sh" >/dev/null 2>&1
  [ -d "$STATE/openstack" ] && STATE="$STATE/openstack" bash "$SHARED_BACKENDS/openstack/down.sh" >/dev/null 2>&1
  rm -rf "$STATE" 2>/dev/null
}
trap cleanup EXIT

as_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  as_root || return 1
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -q >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# --- PostgreSQL -------------------------------------------------------------------------------
if [ -z "${ACCORDS_TEST_POSTGRES_URL:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PG_BIN" ]; then log "installing PostgreSQL"; apt_install postgresql || true; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true); fi
  if [ -n "$PG_BIN" ] && as_root; then
    log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:54329"
    mkdir -p "$STATE/pg"; chown postgres "$STATE/pg"
    su postgres -s /bin/sh -c "$PG_BIN/initdb -D $STATE/pg/data -U postgres -A trust -E UTF8 --no-sync" >"$STATE/pg-init.log" 2>&1
    su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $STATE/pg/data -l $STATE/pg/log -w -o '-c listen_addresses=127.0.0.1 -p 54329 -k $STATE/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300' start" >/dev/null
    export ACCORDS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:54329/postgres"
  else
    fail_or_warn "PostgreSQL not available: the PostgreSQL runs of the server tests will skip"
  fi
fi

# --- libvirt ---------------------------------------------------------------------------------
# The connector's suites use the test driver; one test boots a real QEMU guest through qemu:///session
# from a kernel and busybox-static taken from Debian packages (downloaded here, about 15 MB).
if [ -z "${ACCORDS_TEST_LIBVIRT_URI:-}" ] && [ "${ACCORDS_SKIP_LIBVIRT:-0}" != 1 ]; then
  if ! command -v virsh >/dev/null || [ ! -x /usr/sbin/libvirtd ]; then
    log "installing libvirt"; apt_install libvirt-clients libvirt-daemon qemu-system-x86 || true
  fi
  if [ -x /usr/sbin/libvirtd ] && [ -f "$SHARED_BACKENDS/libvirt/up.sh" ] && as_root; then
    log "starting libvirt (session daemon)"
    mkdir -p "$STATE/libvirt"
    if STATE="$STATE/libvirt" bash "$SHARED_BACKENDS/libvirt/up.sh" >"$STATE/libvirt-up.log" 2>&1; then
      export ACCORDS_TEST_LIBVIRT_URI=$(awk '$1=="test"{print $2}' "$STATE/libvirt/uris")
      export ACCORDS_TEST_LIBVIRT_QEMU_URI=$(awk '$1=="qemu"{print $2}' "$STATE/libvirt/uris")
      export ACCORDS_TEST_LIBVIRT=1
    else
      cat "$STATE/libvirt-up.log" >&2; fail_or_warn "libvirt did not start"
    fi
  else
    fail_or_warn "libvirt not available: the libvirt connector tests will skip"
  fi
  if [ "${ACCORDS_TEST_LIBVIRT:-0}" = 1 ] && [ -z "${ACCORDS_TEST_GUEST_DEBS:-}" ] && as_root; then
    log "fetching a kernel and busybox-static for the QEMU guest test"
    mkdir -p "$STATE/guest-debs"; chmod 755 "$STATE/guest-debs"
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -q >/dev/null 2>&1 && APT_UPDATED=1; } || true
    GUEST_PKGS="busybox-static"
    if ! ls /boot/vmlinuz-* >/dev/null 2>&1; then
      KPKG=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
      GUEST_PKGS="$GUEST_PKGS ${KPKG:-linux-image-cloud-amd64}"
    fi
    # shellcheck disable=SC2086
    (cd "$STATE/guest-debs" && apt-get download -q $GUEST_PKGS >/dev/null 2>&1) || echo "[test-all] WARNING: could not download $GUEST_PKGS; the guest test looks in apt's cache" >&2
    export ACCORDS_TEST_GUEST_DEBS="$STATE/guest-debs"
  fi
fi

# Sets allow_resize_to_same_host in the cloud's nova.conf and restarts nova-api and nova-compute,
# which read it (without it, a resize on a single-host cloud fails with "No valid host").
openstack_allow_same_host_resize() {
  local S=$1 svc p c
  grep -q '^allow_resize_to_same_host' "$S/nova.conf" || sed -i 's/^\[DEFAULT\]$/[DEFAULT]\nallow_resize_to_same_host = true/' "$S/nova.conf"
  for svc in api compute; do
    p=$(cat "$S/pids/nova-$svc")
    local procs="$(pgrep -P "$p" | tr '\n' ' ') $p"
    # shellcheck disable=SC2086
    kill $procs 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    # shellcheck disable=SC2086
    kill -9 $procs 2>/dev/null || true
    if [ "$svc" = api ]; then for _ in $(seq 1 50); do (echo >/dev/tcp/127.0.0.1/8774) 2>/dev/null || break; sleep 0.1; done; fi
    /usr/bin/python3 -c "import sys; from nova.cmd.$svc import main; sys.exit(main())" --config-file "$S/nova.conf" >>"$S/log/nova-$svc.out" 2>&1 &
    echo $! >"$S/pids/nova-$svc"; disown $! 2>/dev/null || true
  done
  for _ in $(seq 1 300); do curl -s http://127.0.0.1:8774/ | grep -q versions && break; sleep 0.2; done
  # give the restarted nova-compute time to consume its RPC queue again
  sleep 3
}

# --- OpenStack --------------------------------------------------------------------------------
if [ -z "${ACCORDS_TEST_OPENSTACK:-}" ] && [ "${ACCORDS_SKIP_OPENSTACK:-0}" != 1 ]; then
  if [ -f "$SHARED_BACKENDS/openstack/up.sh" ] && as_root; then
    if ! /usr/bin/python3 -c 'import nova, keystone, glance, neutron' 2>/dev/null || ! command -v mariadbd >/dev/null; then
      log "installing OpenStack (Debian packages, about 1.5 minutes)"
      bash "$SHARED_BACKENDS/openstack/install.sh"
    fi
    log "starting OpenStack (about a minute)"
    mkdir -p "$STATE/openstack"
    if STATE="$STATE/openstack" bash "$SHARED_BACKENDS/openstack/up.sh" >"$STATE/openstack-up.log" 2>&1; then
      # An all-in-one cloud has one compute host: let Nova resize a server in place.
      openstack_allow_same_host_resize "$STATE/openstack"
      export ACCORDS_TEST_OPENSTACK=1
      export OS_AUTH_URL=http://127.0.0.1:5000/v3 OS_USERNAME=admin OS_PASSWORD=admin OS_PROJECT_NAME=admin \
        OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=RegionOne
    else
      tail -50 "$STATE/openstack-up.log" >&2; fail_or_warn "OpenStack did not start"
    fi
  else
    fail_or_warn "OpenStack backend scripts not found at $SHARED_BACKENDS/openstack: its tests will skip"
  fi
fi

log "running every test (npm test)"
export ACCORDS_TEST_SUMMARY=1
find . -name .vitest-results.json -not -path '*/node_modules/*' -delete
status=0
npm test || status=$?
node scripts/test-summary.mjs || status=1
exit $status
