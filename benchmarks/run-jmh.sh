#!/usr/bin/env bash
# The JMH benchmarks, single-threaded (time and allocation per operation), then the engine and
# the protocol with two threads. Results: benchmarks/target/jmh/*.txt. About 15 minutes.
#
#   benchmarks/run-jmh.sh                 # everything
#   benchmarks/run-jmh.sh 'Engine|Token'  # a JMH include pattern
#
# Any JMH option works the same by hand: java -jar benchmarks/target/benchmarks.jar -h
set -euo pipefail
cd "$(dirname "$0")/.."
PATTERN=${1:-.}
OUT=benchmarks/target/jmh
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || mvn -B -q -pl benchmarks -am package -DskipTests
mkdir -p "$OUT"

java -jar "$JAR" "$PATTERN" -f 1 -wi 3 -w 2 -i 5 -r 2 -prof gc -rf text -rff "$OUT/single-thread.txt" \
    | grep -E '^(# Run|Benchmark|[A-Za-z]+Benchmark\.)' || true
if [ "$PATTERN" = . ]; then
  java -jar "$JAR" 'EngineBenchmark|ProtocolBenchmark' -t 2 -f 1 -wi 3 -w 2 -i 5 -r 2 \
      -rf text -rff "$OUT/two-threads.txt" | grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' || true
fi
echo
grep -vE ':gc\.(alloc\.rate |count|time|churn)' "$OUT"/*.txt
