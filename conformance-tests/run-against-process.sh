#!/usr/bin/env bash
# Runs the conformance kit jar against the mock started as a separate process, through the base-URL path
# (the same path a user takes with their own server).
#
#   conformance-tests/run-against-process.sh [kit options such as --tags '@SSE-07']
#
# Environment: MOCK_JAR, KIT_JAR (default: the jars built by 'mvn verify'), MOCK_ARGS (extra mock options),
# STARTUP_SECONDS (how long to wait for the mock's first line, default 30).
# Exit status: the kit's (0 all passed or skipped with a reason, 1 a scenario failed, 2 usage/config error);
# 3 when the mock did not start.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MOCK_JAR=${MOCK_JAR:-$ROOT/mock-server/target/friendli-mock-server.jar}
KIT_JAR=${KIT_JAR:-$ROOT/conformance-tests/target/friendli-conformance.jar}
STARTUP_SECONDS=${STARTUP_SECONDS:-30}
for jar in "$MOCK_JAR" "$KIT_JAR"; do
  [[ -f $jar ]] || { echo "missing $jar: run 'mvn -B verify' first" >&2; exit 2; }
done

OUT=$(mktemp)
# An empty fixture directory the mock watches, so the hot-reload scenario (SCN-13) can drop a file there.
FIXTURES=$(mktemp -d)
# The mock in its default configuration, as the README starts it: what depends on how it was started (its team
# policy, for AUTH-06 and FORM-05) the kit reads from GET /__admin/health. MOCK_ARGS adds options, e.g. --teams t1.
# shellcheck disable=SC2086
java -jar "$MOCK_JAR" --port 0 --host 127.0.0.1 --fixtures "$FIXTURES" ${MOCK_ARGS:-} >"$OUT" 2>&1 &
MOCK_PID=$!
stop_mock() {
  if kill -0 "$MOCK_PID" 2>/dev/null; then
    kill "$MOCK_PID" 2>/dev/null || true
    wait "$MOCK_PID" 2>/dev/null || true
  fi
  rm -f "$OUT"
  rm -rf "$FIXTURES"
}
trap stop_mock EXIT

URL=""
for _ in $(seq 1 $((STARTUP_SECONDS * 10))); do
  URL=$(head -n 1 "$OUT" | sed -n 's#^.*listening on \(http://[^ ]*\).*$#\1#p')
  [[ -n $URL ]] && break
  kill -0 "$MOCK_PID" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $URL ]]; then
  echo "the mock did not print its base URL within ${STARTUP_SECONDS}s; its output:" >&2
  cat "$OUT" >&2
  exit 3
fi
echo "mock (pid $MOCK_PID) at $URL"

set +e
java -jar "$KIT_JAR" --base-url "$URL/serverless/v1" --token process-run-token "$@"
STATUS=$?
set -e
exit "$STATUS"
