#!/usr/bin/env bash
# Start-up and idle memory of the standalone server, side by side in one run:
#   mock       java -jar (the standalone jar, default settings, in-memory);
#   mock-cds   the same with an AppCDS archive (-XX:SharedArchiveFile), made first by one
#              training run with -XX:ArchiveClassesAtExit;
#   wiremock   WireMock $WM_VERSION standalone with one static stub for the same ListRecords URL.
# Each run is a fresh JVM from launch to the first 200 answer of a ListRecords (the mock through
# its whole stack: routing, binding, schema validation, the engine); the servers take turns.
# After each run of the mock, the heap used after a full GC and the resident size (VmRSS) of the
# idle server are read with jcmd and /proc.
#
#   benchmarks/run-startup.sh            # ROUNDS=15 by default: about 2 minutes
#
# Bounded: ROUNDS rounds, each server stopped before the next starts, 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-15}
WM_VERSION=3.13.2
OUT=benchmarks/target/startup
MOCK_JAR=wiremock-extension/target/cognito-sync-mock-wiremock-0.1.0-SNAPSHOT-standalone.jar
WM_JAR=benchmarks/target/wiremock/wiremock-standalone-$WM_VERSION.jar
JAVA_OPTS=${JAVA_OPTS:-}
# shellcheck source=benchmarks/http-load.sh
source benchmarks/http-load.sh
PORT=$(free_port 28480)
POOL=us-east-1%3A11111111-2222-3333-4444-555555555555
ID=us-east-1%3A11111111-2222-3333-4444-555555555555
PATH_RECORDS="/identitypools/$POOL/identities/$ID/datasets/startup/records"
URL="http://127.0.0.1:$PORT$PATH_RECORDS"

[ -f "$MOCK_JAR" ] || mvn -B -q -pl wiremock-extension -am package -DskipTests
if [ ! -f "$WM_JAR" ]; then
  mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact=org.wiremock:wiremock-standalone:$WM_VERSION \
      -DoutputDirectory=benchmarks/target/wiremock
fi
rm -rf "$OUT" && mkdir -p "$OUT/wiremock-root/mappings"
cat > "$OUT/wiremock-root/mappings/records.json" <<JSON
{"request": {"method": "GET", "urlPathPattern": "/identitypools/.*/records"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "body": "{\"Count\":0,\"DatasetSyncCount\":0,\"Records\":[]}"}}
JSON

pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

# the AppCDS archive: one training run that answers the same request, then exits normally
java -XX:ArchiveClassesAtExit="$OUT/mock.jsa" $JAVA_OPTS -jar "$MOCK_JAR" --port "$PORT" \
  > "$OUT/training.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL" 2>/dev/null)" = 200 ] && break
  sleep 0.05
done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
[ -f "$OUT/mock.jsa" ] || { echo "no CDS archive written: $OUT/training.log" >&2; exit 1; }

row() { # round server command...: one fresh launch, measured
  local round=$1 name=$2; shift 2
  read -r ms heap rss < <(benchmarks/first-answer.py "$URL" "$OUT/$name.log" "$@")
  printf "%-6s %-9s %9s %12s %8s\n" "$round" "$name" "$ms" "$heap" "$rss" | tee -a "$OUT/rounds.txt"
}
printf "%-6s %-9s %9s %12s %8s\n" round server first_ms idle_heap_mb rss_mb
for round in $(seq 1 "$ROUNDS"); do
  row "$round" mock java $JAVA_OPTS -jar "$MOCK_JAR" --port "$PORT"
  row "$round" mock-cds java -XX:SharedArchiveFile="$OUT/mock.jsa" $JAVA_OPTS \
    -jar "$MOCK_JAR" --port "$PORT"
  row "$round" wiremock java $JAVA_OPTS -jar "$WM_JAR" --port "$PORT" \
    --root-dir "$OUT/wiremock-root" --disable-banner
done

echo "medians over $ROUNDS rounds:"
for s in mock mock-cds wiremock; do
  awk -v s="$s" '$2 == s { print $3, $4, $5 }' "$OUT/rounds.txt" | sort -n > "$OUT/$s.sorted"
  n=$(wc -l < "$OUT/$s.sorted")
  first=$(awk '{ print $1 }' "$OUT/$s.sorted" | sort -n | awk -v n="$n" 'NR == int((n + 1) / 2)')
  heap=$(awk '{ print $2 }' "$OUT/$s.sorted" | sort -n | awk -v n="$n" 'NR == int((n + 1) / 2)')
  rss=$(awk '{ print $3 }' "$OUT/$s.sorted" | sort -n | awk -v n="$n" 'NR == int((n + 1) / 2)')
  printf "  %-9s first answer %5s ms   idle heap %4s MB   rss %4s MB\n" "$s" "$first" "$heap" "$rss"
done
