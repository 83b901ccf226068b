#!/usr/bin/env bash
# The sync mix over HTTP, side by side in one run:
#   mock      the standalone server (default settings), seeded with THREADS*PER_THREAD datasets,
#             loaded with lua/sync-mix.lua: ListRecords, then UpdateRecords with the returned
#             SyncSessionToken and SyncCount, over all those datasets;
#   mock-journal0  the same with --request-journal-size 0 (WireMock's request journal off, as
#             the WireMock run below has it), seeded with its own copy of the datasets;
#   wiremock  WireMock $WM_VERSION standalone (--no-request-journal --disable-request-logging)
#             serving static GET and POST stubs whose bodies are byte for byte the mock's own
#             ListRecords and UpdateRecords answers, loaded by the same script;
# in alternating rounds, then one plain static POST run against WireMock to calibrate the machine.
# Prints every round and the medians, and the ratio mock/wiremock of requests per second.
#
#   benchmarks/run-http.sh                 # about 7 minutes
#   PROFILE=1 benchmarks/run-http.sh       # then one profiled round of each (async-profiler)
#
# Bounded: each wrk run lasts a fixed time, traffic goes to 127.0.0.1 only, and both servers are
# stopped when the script ends, however it ends. Needs wrk (apt-get install -y wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}            # wrk threads
CONNECTIONS=${CONNECTIONS:-64}   # wrk connections
DURATION=${DURATION:-20}         # seconds per measured round
WARMUP=${WARMUP:-15}             # seconds of warm-up per server (twice)
ROUNDS=${ROUNDS:-3}
PER_THREAD=${PER_THREAD:-10000} # datasets per wrk thread: a dataset comes round again only after
                                 # all the others, seconds later, so no cycle overtakes its last one
PER_IDENTITY=${PER_IDENTITY:-4}  # datasets per identity
# shellcheck source=benchmarks/http-load.sh
source benchmarks/http-load.sh
MOCK_PORT=${MOCK_PORT:-$(free_port 28080)}
MOCK0_PORT=${MOCK0_PORT:-$(free_port 28180)}
WM_PORT=${WM_PORT:-$(free_port 28280)}
JAVA_OPTS=${JAVA_OPTS:-}         # the same for both servers; empty = JVM defaults
MOCK_ARGS=${MOCK_ARGS:-}         # extra mock flags, e.g. --request-journal-size 0
PROFILE=${PROFILE:-0}
WM_VERSION=3.13.2

OUT=benchmarks/target/http
MOCK_JAR=wiremock-extension/target/cognito-sync-mock-wiremock-0.1.0-SNAPSHOT-standalone.jar
WM_JAR=benchmarks/target/wiremock/wiremock-standalone-$WM_VERSION.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
HOST=127.0.0.1

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
if [ ! -f "$MOCK_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
if [ ! -f "$WM_JAR" ]; then
  mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact=org.wiremock:wiremock-standalone:$WM_VERSION \
      -DoutputDirectory=benchmarks/target/wiremock
fi
rm -rf "$OUT" && mkdir -p "$OUT/wiremock-root/mappings"

# --- the mock, seeded, and the bodies WireMock will serve ----------------------------------------
benchmarks/seed.sh $((THREADS * PER_THREAD)) "$PER_IDENTITY" > "$OUT/seed.json"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$MOCK_JAR" --port "$MOCK_PORT" --bind-address $HOST \
    --seed-file "$OUT/seed.json" $MOCK_ARGS > "$OUT/mock.log" 2>&1 &
mock_pid=$!
pids+=("$mock_pid")
await "http://$HOST:$MOCK_PORT/__admin/mappings" "$mock_pid"

ds0="/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555/identities/us-east-1%3A00000000-0000-0000-0000-000000000000/datasets/ds0"
curl -fsS "http://$HOST:$MOCK_PORT$ds0/records?lastSyncCount=0" > "$OUT/list-body.json"
token=$(sed 's/.*"SyncSessionToken":"\([^"]*\)".*/\1/' "$OUT/list-body.json")
curl -fsS -X POST "http://$HOST:$MOCK_PORT$ds0" \
    -d "{\"SyncSessionToken\":\"$token\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k0\",\"Value\":\"v0000000000\",\"SyncCount\":1,\"DeviceLastModifiedDate\":1763726400.123}]}" \
    > "$OUT/update-body.json"

escape() { sed 's/\\/\\\\/g; s/"/\\"/g' "$1"; }
list_body=$(escape "$OUT/list-body.json")
update_body=$(escape "$OUT/update-body.json")
headers='{"Content-Type": "application/json", "x-amzn-RequestId": "7d3f5b0e-1c2a-4e5f-8a9b-0c1d2e3f4a5b"}'
cat > "$OUT/wiremock-root/mappings/sync.json" <<EOF
{"mappings": [
  {"request": {"method": "GET", "urlPathPattern": "/identitypools/[^/]+/identities/[^/]+/datasets/[^/]+/records"},
   "response": {"status": 200, "headers": $headers, "body": "$list_body"}},
  {"request": {"method": "POST", "urlPathPattern": "/identitypools/[^/]+/identities/[^/]+/datasets/[^/]+"},
   "response": {"status": 200, "headers": $headers, "body": "$update_body"}},
  {"request": {"method": "POST", "url": "/static"},
   "response": {"status": 200, "headers": $headers, "body": "$update_body"}}
]}
EOF

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$MOCK_JAR" --port "$MOCK0_PORT" --bind-address $HOST \
    --seed-file "$OUT/seed.json" --request-journal-size 0 $MOCK_ARGS > "$OUT/mock-journal0.log" 2>&1 &
mock0_pid=$!
pids+=("$mock0_pid")
await "http://$HOST:$MOCK0_PORT/__admin/mappings" "$mock0_pid"

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$WM_JAR" --port "$WM_PORT" --bind-address $HOST \
    --root-dir "$OUT/wiremock-root" --no-request-journal --disable-request-logging \
    --disable-banner > "$OUT/wiremock.log" 2>&1 &
wm_pid=$!
pids+=("$wm_pid")
await "http://$HOST:$WM_PORT/__admin/mappings" "$wm_pid"

echo "list body $(wc -c < "$OUT/list-body.json") bytes, update body $(wc -c < "$OUT/update-body.json") bytes"
echo "wrk -t$THREADS -c$CONNECTIONS, $THREADS x $PER_THREAD datasets, $PER_IDENTITY per identity"

# --- rounds --------------------------------------------------------------------------------------
mix() { # label port pid seconds
  load "$1" "$2" "$3" "$4" benchmarks/lua/sync-mix.lua "" -- "$PER_THREAD" "$PER_IDENTITY"
}

for i in 1 2; do
  mix warmup-wiremock "$WM_PORT" "$wm_pid" "$WARMUP" > /dev/null
  mix warmup-mock "$MOCK_PORT" "$mock_pid" "$WARMUP" > /dev/null
  mix warmup-mock-journal0 "$MOCK0_PORT" "$mock0_pid" "$WARMUP" > /dev/null
done
for r in $(seq 1 "$ROUNDS"); do
  mix wiremock "$WM_PORT" "$wm_pid" "$DURATION" | tee -a "$OUT/rounds.txt"
  mix mock "$MOCK_PORT" "$mock_pid" "$DURATION" | tee -a "$OUT/rounds.txt"
  mix mock-journal0 "$MOCK0_PORT" "$mock0_pid" "$DURATION" | tee -a "$OUT/rounds.txt"
done

# --- calibration: the plain static POST against WireMock ----------------------------------------
load wiremock-static-post "$WM_PORT" "$wm_pid" "$DURATION" benchmarks/lua/post-static.lua /static \
    | tee -a "$OUT/rounds.txt"

# --- per round, and the ratio -------------------------------------------------------------------
# This machine may be shared. A round is quiet when no run in it saw more than QUIET_CPU seconds of
# CPU used by other processes; the ratios are the medians over quiet rounds (over all rounds, and
# marked so, when none was quiet). Ratios are taken within a round, between runs minutes apart.
QUIET_CPU=${QUIET_CPU:-2}
echo
awk -v quiet="$QUIET_CPU" -v rounds="$ROUNDS" '
  function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } }
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  $1 == "wiremock" || $1 == "mock" || $1 == "mock-journal0" {
    if ($1 == "wiremock") r++
    rps[r, $1] = field("rps"); p50[r, $1] = field("p50_ms"); p99[r, $1] = field("p99_ms")
    cpu[r, $1] = field("server_cpu_s") / field("requests") * 1e6
    other = field("other_cpu_s"); if (other > worst[r]) worst[r] = other
    err[r] += field("http_errors") + field("socket_errors") + field("unparsed")
  }
  END {
    printf "%-6s %-14s %8s %8s %8s %14s %6s\n", "round", "server", "req/s", "p50 ms", "p99 ms", "CPU us/request", "errors"
    for (i = 1; i <= r; i++) {
      for (k = 1; k <= 3; k++) {
        s = k == 1 ? "wiremock" : k == 2 ? "mock" : "mock-journal0"
        printf "%-6s %-14s %8.0f %8.2f %8.2f %14.1f %6s\n", i (worst[i] > quiet ? "*" : ""), s, rps[i, s], p50[i, s], p99[i, s], cpu[i, s], k == 1 ? err[i] : ""
      }
      if (worst[i] <= quiet) { q++; a[q] = rps[i, "mock"] / rps[i, "wiremock"]; b[q] = rps[i, "mock-journal0"] / rps[i, "wiremock"]
        c[q] = cpu[i, "mock"] / cpu[i, "wiremock"]; d[q] = cpu[i, "mock-journal0"] / cpu[i, "wiremock"] }
      n++; A[n] = rps[i, "mock"] / rps[i, "wiremock"]; B[n] = rps[i, "mock-journal0"] / rps[i, "wiremock"]
      C[n] = cpu[i, "mock"] / cpu[i, "wiremock"]; D[n] = cpu[i, "mock-journal0"] / cpu[i, "wiremock"]
    }
    print "(* a disturbed round: another process used more than " quiet " s of CPU during one of its runs)"
    if (q) { which = q " quiet round(s)" } else { which = "all " n " rounds, NONE quiet: disturbed"; q = n
      for (i = 1; i <= n; i++) { a[i] = A[i]; b[i] = B[i]; c[i] = C[i]; d[i] = D[i] } }
    printf "ratio of requests/s, median over %s:\n  mock/wiremock = %.2f   mock-journal0/wiremock = %.2f\n", which, median(a, q), median(b, q)
    printf "ratio of CPU per request, same rounds:\n  mock/wiremock = %.2f   mock-journal0/wiremock = %.2f\n", median(c, q), median(d, q)
  }' "$OUT/rounds.txt" | tee "$OUT/summary.txt"

# --- optional: one profiled round of each --------------------------------------------------------
# async-profiler (Maven Central: tools.profiler:async-profiler), attached to the running server,
# CPU samples every millisecond, written as collapsed stacks and summarised by Hotspots.
if [ "$PROFILE" = 1 ]; then
  AP_VERSION=4.1
  AP_LIB=benchmarks/target/async-profiler/linux-x64/libasyncProfiler.so
  if [ ! -f "$AP_LIB" ]; then
    mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact=tools.profiler:async-profiler:$AP_VERSION \
        -DoutputDirectory=benchmarks/target/async-profiler
    (cd benchmarks/target/async-profiler && unzip -q -o "async-profiler-$AP_VERSION.jar" 'linux-x64/*')
  fi
  for target in mock:$MOCK_PORT:$mock_pid mock-journal0:$MOCK0_PORT:$mock0_pid \
      wiremock:$WM_PORT:$wm_pid; do
    IFS=: read -r label port pid <<< "$target"
    stacks="$PWD/$OUT/$label.collapsed"
    # jcmd reads a=b as its own option: the agent's option string goes in quotes
    jcmd "$pid" JVMTI.agent_load "$PWD/$AP_LIB" '"start,event=cpu,interval=1ms"' > /dev/null
    mix "$label-profiled" "$port" "$pid" "$DURATION"
    jcmd "$pid" JVMTI.agent_load "$PWD/$AP_LIB" "\"stop,collapsed,file=$stacks\"" > /dev/null
    echo "== $label: $stacks"
    java -cp "$BENCH_JAR" dev.cognitosyncmock.bench.Hotspots "$stacks" 25 | tee "$OUT/$label-profile.txt"
  done
fi
