#!/usr/bin/env bash
# Memory under sustained load: the standalone server with default settings (JVM flags included)
# answers ListRecords on a fixed set of seeded datasets, in wrk rounds of ROUND seconds, until
# TARGET requests have been served or MAX_ROUNDS rounds have run. After each round it prints the
# resident size (VmRSS), its high-water mark (VmHWM) and the heap G1 has committed and uses.
# ListRecords writes nothing, so the state does not grow: what grows is the server's own
# overhead (request journal, buffers, caches), which should level off.
#
#   benchmarks/run-rss.sh            # 2.5 million requests: 2 to 10 minutes
#   JAVA_OPTS=-Xmx256m benchmarks/run-rss.sh   # the same with the heap capped
#
# Bounded in count and time; traffic to 127.0.0.1 only; the server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
ROUND=${ROUND:-15}               # seconds per wrk round
TARGET=${TARGET:-2500000}        # requests
MAX_ROUNDS=${MAX_ROUNDS:-40}     # at most 10 minutes of load with ROUND=15
DATASETS=${DATASETS:-2000}
PER_IDENTITY=${PER_IDENTITY:-4}
# shellcheck source=benchmarks/http-load.sh
source benchmarks/http-load.sh
PORT=${PORT:-$(free_port 28480)}
MOCK_ARGS=${MOCK_ARGS:-}         # e.g. --request-journal-size 0
JAVA_OPTS=${JAVA_OPTS:-}         # empty: the JVM's defaults (G1, max heap a quarter of RAM)
OUT=benchmarks/target/rss
MOCK_JAR=wiremock-extension/target/cognito-sync-mock-wiremock-0.1.0-SNAPSHOT-standalone.jar
HOST=127.0.0.1

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$MOCK_JAR" ] || mvn -B -q -pl wiremock-extension -am package -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"

pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

benchmarks/seed.sh "$DATASETS" "$PER_IDENTITY" > "$OUT/seed.json"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$MOCK_JAR" --port "$PORT" --bind-address $HOST --seed-file "$OUT/seed.json" $MOCK_ARGS \
    > "$OUT/mock.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || { echo "the mock exited: see $OUT/mock.log" >&2; exit 1; }
  curl -fsS -o /dev/null "http://$HOST:$PORT/__admin/mappings" 2>/dev/null && break
  sleep 0.5
done

status_mb() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
heap() { # committed and used heap in MB, from jcmd GC.heap_info (G1)
  jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ {
    for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i + 1); if ($i == "used") u = $(i + 1) }
    gsub(/[^0-9]/, "", t); gsub(/[^0-9]/, "", u); printf "heap_committed_mb=%.0f heap_used_mb=%.0f", t / 1024, u / 1024 }'
}

echo "after start-up: rss_mb=$(status_mb VmRSS) $(heap)" | tee "$OUT/rounds.txt"
total=0
round=0
while [ "$total" -lt "$TARGET" ] && [ "$round" -lt "$MAX_ROUNDS" ]; do
  round=$((round + 1))
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${ROUND}s" -s benchmarks/lua/list-only.lua \
      "http://$HOST:$PORT" -- "$DATASETS" "$PER_IDENTITY" > "$OUT/last-wrk.txt"
  result=$(grep '^RESULT' "$OUT/last-wrk.txt")
  n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$result")
  rps=$(sed 's/.*rps=\([0-9]*\).*/\1/' <<< "$result")
  errors=$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /errors$/) e += kv[2] } } END { print e + 0 }' <<< "$result")
  total=$((total + n))
  echo "round $round: requests=$total rps=$rps errors=$errors rss_mb=$(status_mb VmRSS) hwm_mb=$(status_mb VmHWM) $(heap)" \
      | tee -a "$OUT/rounds.txt"
done
jcmd "$pid" GC.run > /dev/null
sleep 1
echo "after a full GC: rss_mb=$(status_mb VmRSS) hwm_mb=$(status_mb VmHWM) $(heap)" | tee -a "$OUT/rounds.txt"
