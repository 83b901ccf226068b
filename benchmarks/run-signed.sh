#!/usr/bin/env bash
# What checking SigV4 signatures costs over HTTP, side by side in one run:
#   mock         the standalone server (default settings), signatures not checked;
#   mock-verify  the same with --verify-signatures and the benchmark's access key;
# both seeded with the same DATASETS datasets and loaded in alternating rounds with the same
# signed ListRecords requests (lua/list-only.lua), signed beforehand by sign-requests.py because
# wrk cannot sign. The sync mix's UpdateRecords bodies change every call, so they cannot be signed
# beforehand: this is the read half of the mix. Prints every round, the medians and the cost of
# verification per request in server CPU.
#
#   benchmarks/run-signed.sh               # about 4 minutes
#
# The signatures are made when the script starts and stay valid for 15 minutes: ROUNDS and
# DURATION are capped to fit. Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
ROUNDS=${ROUNDS:-3}
DATASETS=${DATASETS:-4000}
PER_IDENTITY=${PER_IDENTITY:-4}
QUIET_CPU=${QUIET_CPU:-2}
JAVA_OPTS=${JAVA_OPTS:-}
HOST=127.0.0.1
OUT=benchmarks/target/signed
MOCK_JAR=wiremock-extension/target/cognito-sync-mock-wiremock-0.1.0-SNAPSHOT-standalone.jar
KEY_ID=AKIDBENCHMARK0000000
SECRET=bench/secret/access/key/0000000000000000
# shellcheck source=benchmarks/http-load.sh
source benchmarks/http-load.sh

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
if [ $((2 * WARMUP * 2 + 2 * ROUNDS * DURATION)) -gt 780 ]; then
  echo "ROUNDS x DURATION too long for signatures valid 15 minutes" >&2
  exit 1
fi
[ -f "$MOCK_JAR" ] || mvn -B -q -pl wiremock-extension -am package -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"

benchmarks/seed.sh "$DATASETS" "$PER_IDENTITY" > "$OUT/seed.json"
echo "[{\"accessKeyId\": \"$KEY_ID\", \"secretAccessKey\": \"$SECRET\", \"kind\": \"developer\"}]" \
    > "$OUT/credentials.json"

start() { # label port extra-flags...
  local label=$1 port=$2
  shift 2
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$MOCK_JAR" --port "$port" --bind-address $HOST \
      --seed-file "$OUT/seed.json" "$@" > "$OUT/$label.log" 2>&1 &
  pids+=("$!")
  await "http://$HOST:$port/__admin/health" "$!"
  echo "$!"
}
MOCK_PORT=$(free_port 28580)
mock_pid=$(start mock "$MOCK_PORT")
VERIFY_PORT=$(free_port $((MOCK_PORT + 1)))
verify_pid=$(start mock-verify "$VERIFY_PORT" --verify-signatures \
    --credentials-file "$OUT/credentials.json")
pids+=("$mock_pid" "$verify_pid")

# Host is signed: both servers get the same Host header, so the same bytes
python3 benchmarks/sign-requests.py "$DATASETS" "$PER_IDENTITY" "$HOST:$VERIFY_PORT" \
    "$KEY_ID" "$SECRET" > "$OUT/signed.lua"
first=$(awk -F'"' '/^  \{/ { print $2 "\t" $4; exit }' "$OUT/signed.lua")
amz_date=$(awk -F'"' '/^amz_date/ { print $2 }' "$OUT/signed.lua")
status=$(curl -s -o "$OUT/check.json" -w '%{http_code}' "http://$HOST:$VERIFY_PORT${first%%$'\t'*}" \
    -H "X-Amz-Date: $amz_date" -H "Authorization: ${first#*$'\t'}")
[ "$status" = 200 ] || { echo "a signed request was refused ($status): $(cat "$OUT/check.json")" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$VERIFY_PORT${first%%$'\t'*}" \
    -H "X-Amz-Date: $amz_date" -H "Authorization: ${first#*$'\t'}0")
[ "$status" = 403 ] || { echo "a wrong signature was not refused ($status)" >&2; exit 1; }

list() { # label port pid seconds
  load "$1" "$2" "$3" "$4" benchmarks/lua/list-only.lua "" -- "$OUT/signed.lua"
}
for _ in 1 2; do
  list warmup-mock "$MOCK_PORT" "$mock_pid" "$WARMUP" > /dev/null
  list warmup-mock-verify "$VERIFY_PORT" "$verify_pid" "$WARMUP" > /dev/null
done
for _ in $(seq 1 "$ROUNDS"); do
  list mock "$MOCK_PORT" "$mock_pid" "$DURATION" | tee -a "$OUT/rounds.txt"
  list mock-verify "$VERIFY_PORT" "$verify_pid" "$DURATION" | tee -a "$OUT/rounds.txt"
done

echo
awk -v quiet="$QUIET_CPU" '
  function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } }
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  $1 == "mock" || $1 == "mock-verify" {
    if ($1 == "mock") r++
    rps[r, $1] = field("rps"); p99[r, $1] = field("p99_ms")
    cpu[r, $1] = field("server_cpu_s") / field("requests") * 1e6
    if (field("other_cpu_s") > worst[r]) worst[r] = field("other_cpu_s")
    err[r] += field("http_errors") + field("socket_errors")
  }
  END {
    printf "%-6s %-12s %8s %8s %14s %6s\n", "round", "server", "req/s", "p99 ms", "CPU us/request", "errors"
    for (i = 1; i <= r; i++) {
      for (k = 1; k <= 2; k++) { s = k == 1 ? "mock" : "mock-verify"
        printf "%-6s %-12s %8.0f %8.2f %14.1f %6s\n", i (worst[i] > quiet ? "*" : ""), s, rps[i, s], p99[i, s], cpu[i, s], k == 1 ? err[i] : "" }
      if (worst[i] <= quiet) { q++; a[q] = rps[i, "mock-verify"] / rps[i, "mock"]; c[q] = cpu[i, "mock-verify"] - cpu[i, "mock"] }
      n++; A[n] = rps[i, "mock-verify"] / rps[i, "mock"]; C[n] = cpu[i, "mock-verify"] - cpu[i, "mock"]
    }
    print "(* a disturbed round: another process used more than " quiet " s of CPU during one of its runs)"
    if (q) { which = q " quiet round(s)" } else { which = "all " n " rounds, NONE quiet: disturbed"; q = n
      for (i = 1; i <= n; i++) { a[i] = A[i]; c[i] = C[i] } }
    printf "median over %s: mock-verify/mock requests/s = %.2f; verification costs %.1f us of server CPU per request\n", which, median(a, q), median(c, q)
  }' "$OUT/rounds.txt" | tee "$OUT/summary.txt"
