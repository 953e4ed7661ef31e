#!/usr/bin/env bash
# Smoke test of `npm start` (the README's first set-up command) in a scratch directory: the server
# starts on its embedded default, answers /healthz, takes a compute and the web-shop manifest, and
# its broker reaches a plan. Stops the server on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/accords-smoke.XXXXXX)
PORT=${SMOKE_PORT:-18089}
TOKEN=smoke-admin-token-0123456789abcdef
S=http://127.0.0.1:$PORT
# npm start runs turbo, then npm, then node: stop the whole process group.
cleanup() {
  local rc=$?
  set +e
  [ -n "${PID:-}" ] && kill -TERM -- "-$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
PORT=$PORT ACCORDS_ADMIN_TOKEN=$TOKEN ACCORDS_DATABASE_URL="sqlite:$WORK/accords.sqlite" setsid npm start >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -fs "$S/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$S/healthz" >/dev/null || { cat "$WORK/server.log"; echo "smoke: the server did not start"; exit 1; }
H="Authorization: Bearer $TOKEN"
code=$(curl -s -o "$WORK/compute.txt" -w '%{http_code}' -H "$H" -H 'Content-Type: text/plain' -X POST "$S/compute/" --data-binary '
Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"
Category: small; scheme="http://schemas.accords.dev/occi/resource_tpl#"; class="mixin"
X-OCCI-Attribute: occi.core.title="smoke"
')
[ "$code" = 201 ] || { cat "$WORK/compute.txt"; echo "smoke: creating a compute answered $code"; exit 1; }
code=$(curl -s -o "$WORK/manifest.txt" -w '%{http_code}' -H "$H" -H 'Content-Type: application/yaml' -X POST "$S/manifest/" --data-binary @docs/examples/web-shop.yaml)
[ "$code" = 201 ] || { cat "$WORK/manifest.txt"; echo "smoke: submitting web-shop.yaml answered $code"; exit 1; }
AGREEMENT=$(sed -n 's/.*accords.manifest.agreement="\([^"]*\)".*/\1/p' "$WORK/manifest.txt")
curl -fs -H "$H" -H 'Accept: application/json' "$S$AGREEMENT" | grep -q '"decisions"' || { echo "smoke: the agreement $AGREEMENT has no plan"; exit 1; }
echo "smoke: npm start serves OCCI and plans web-shop.yaml (agreement $AGREEMENT)"
