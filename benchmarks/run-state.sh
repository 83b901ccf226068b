#!/usr/bin/env bash
# Heap per stored record (100,000 identities x 1 dataset x 10 records, and x 1 record to separate
# the per-dataset cost), then the time to export and import that state, in-process, with the JVM's
# default settings. About 2 minutes. Arguments go to StateMemory: IDENTITIES DATASETS RECORDS REPEAT.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || mvn -B -q -pl benchmarks -am package -DskipTests
java -cp "$JAR" dev.cognitosyncmock.bench.StateMemory "$@"
